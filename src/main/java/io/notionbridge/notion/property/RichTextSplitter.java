package io.notionbridge.notion.property;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into pieces of at most {@link NotionLimits#TEXT_CONTENT} UTF-16 units, cutting only between code
 * points (a surrogate pair such as an emoji is never split). Counting UTF-16 units is what Notion's JavaScript
 * validation sees; it is never more permissive than counting code points. Joining the pieces gives the text back.
 */
public final class RichTextSplitter {

    private RichTextSplitter() {
    }

    public static List<String> split(String text) {
        return split(text, NotionLimits.TEXT_CONTENT);
    }

    static List<String> split(String text, int maxUnits) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + maxUnits);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))
                    && Character.isLowSurrogate(text.charAt(end))) {
                end--;
            }
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }
}
