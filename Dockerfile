# Notion Bridge container image.
#   docker build -t notion-bridge .
#   docker run -p 8080:8080 -p 9876:9876 -e CAMEL_MAIN_PROFILE=prod -e BRIDGE_DB_URL=jdbc:postgresql://db:5432/bridge \
#     -e BRIDGE_DB_PASSWORD=... -e NOTION_TOKEN=... -v bridge-data:/app/data notion-bridge
# Routes can be replaced by mounting a folder of *.camel.yaml files on /app/routes.

# ---- build stage: Maven builds the runnable jar --------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -ntp -q dependency:go-offline
COPY src ./src
COPY application.properties application-prod.properties ./
RUN mvn -B -ntp -q -DskipTests package

# ---- runtime stage: a JRE, the jar, the editable routes and configuration -------------------------
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin bridge
WORKDIR /app
COPY --from=build /src/target/notion-bridge.jar /app/notion-bridge.jar
COPY routes /app/routes
COPY channels /app/channels
COPY application.properties application-prod.properties /app/
RUN mkdir -p /app/data && chown -R bridge:bridge /app/data
USER bridge
EXPOSE 8080 9876
VOLUME ["/app/data", "/app/routes"]
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:9876/observe/health || exit 1
# exec: java is PID 1 and receives SIGTERM, so the bridge shuts down gracefully
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/notion-bridge.jar \"$@\"", "notion-bridge"]
CMD ["run"]
