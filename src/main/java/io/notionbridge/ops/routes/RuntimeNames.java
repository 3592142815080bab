package io.notionbridge.ops.routes;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** What route files may refer to: the beans the runtime binds, and whether a configuration key exists. */
public record RuntimeNames(Set<String> beans, Predicate<String> property) {

    public RuntimeNames {
        beans = Set.copyOf(new TreeSet<>(beans));
    }

    public boolean hasBean(String name) {
        return beans.contains(name);
    }

    public boolean hasProperty(String key) {
        return property.test(key);
    }
}
