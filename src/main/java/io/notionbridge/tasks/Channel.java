package io.notionbridge.tasks;

import java.util.Objects;

/**
 * A channel a task can be made for, as configured in one YAML file of the channels folder.
 *
 * @param id              the channel's id, the value stored in a task's {@code channel}; equals the file name
 * @param name            the name people see ({@code Tech Explained})
 * @param description     what the channel is about; may be empty
 * @param defaultPriority the priority of a new task on this channel that has none
 */
public record Channel(String id, String name, String description, TaskPriority defaultPriority) {

    public Channel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(defaultPriority, "defaultPriority");
    }
}
