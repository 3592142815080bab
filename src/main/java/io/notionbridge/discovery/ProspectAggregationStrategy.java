package io.notionbridge.discovery;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * The push job's Aggregator strategy: each incoming message is one {@link StoredSignal} of a company; the group's body
 * is a {@link ProspectBuilder} that collects them (the merging itself is plain Java in the builder).
 */
public class ProspectAggregationStrategy implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange group, Exchange incoming) {
        StoredSignal signal = incoming.getMessage().getBody(StoredSignal.class);
        if (signal == null) {
            throw new IllegalArgumentException("the push job aggregates stored signals, got "
                    + incoming.getMessage().getBody());
        }
        if (group == null) {
            incoming.getMessage().setBody(new ProspectBuilder(signal.canonicalKey()).add(signal));
            return incoming;
        }
        group.getMessage().getBody(ProspectBuilder.class).add(signal);
        return group;
    }
}
