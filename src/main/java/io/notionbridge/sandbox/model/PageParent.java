package io.notionbridge.sandbox.model;

/** Where a page or database lives: a data source (a database row), another page, or the workspace. */
public record PageParent(Kind kind, String id) {

    public enum Kind { DATA_SOURCE, PAGE, WORKSPACE }

    public static PageParent dataSource(String id) {
        return new PageParent(Kind.DATA_SOURCE, id);
    }

    public static PageParent page(String id) {
        return new PageParent(Kind.PAGE, id);
    }

    public static PageParent workspace() {
        return new PageParent(Kind.WORKSPACE, null);
    }
}
