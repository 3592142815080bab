package io.notionbridge.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The tasks table: claims safe with concurrent workers, conditional writes, filters. */
@Tag("db")
class TaskRepositoryTest {

    private final TaskStore store = new TaskStore();
    private final TaskRepository tasks = new TaskRepository(store.dataSource(), Clock.systemUTC());

    @AfterEach
    void close() {
        store.close();
    }

    private long insert(String page, TaskState status, TaskPriority priority, String channel) {
        TaskMerge.Result r = new TaskMerge.Result("Task " + page, channel, "Topic", null, status, priority,
                TaskStatusMapping.toNotion(status), priority.notionOption(), null, false, false, List.of());
        return tasks.insertFromNotion(page, r, null);
    }

    @Test
    void concurrentWorkersClaimEveryPendingTaskExactlyOnce() throws Exception {
        int taskCount = 40;
        for (int i = 0; i < taskCount; i++) {
            insert("page-" + i, i % 5 == 0 ? TaskState.RETRY : TaskState.PENDING, TaskPriority.NORMAL, "tech-explained");
        }
        insert("page-draft", TaskState.DRAFT, TaskPriority.HIGH, "tech-explained");
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        Map<Long, String> claimedBy = new ConcurrentHashMap<>();
        List<Long> duplicates = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String worker = "w" + w;
            done.add(pool.submit(() -> {
                start.await();
                Optional<Task> t;
                while ((t = tasks.claimNext(worker, null)).isPresent()) {
                    if (claimedBy.putIfAbsent(t.get().id(), worker) != null) {
                        duplicates.add(t.get().id());
                    }
                    assertThat(t.get().status()).isEqualTo(TaskState.PROCESSING);
                    assertThat(t.get().claimedBy()).isEqualTo(worker);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(duplicates).isEmpty();
        assertThat(claimedBy).hasSize(taskCount);
        assertThat(store.count("SELECT COUNT(*) FROM tasks WHERE status = 'processing'")).isEqualTo(taskCount);
        assertThat(store.count("SELECT COUNT(*) FROM tasks WHERE status = 'draft'")).isEqualTo(1);
    }

    @Test
    void claimsTakeHighPriorityFirstThenTheOldestAndCanBeLimitedToAChannel() {
        long normal = insert("p-normal", TaskState.PENDING, TaskPriority.NORMAL, "tech-explained");
        long low = insert("p-low", TaskState.PENDING, TaskPriority.LOW, "tech-explained");
        long high = insert("p-high", TaskState.PENDING, TaskPriority.HIGH, "money-minute");
        assertThat(tasks.claimNext("w", "tech-explained").map(Task::id)).contains(normal);
        assertThat(tasks.claimNext("w", null).map(Task::id)).contains(high);
        assertThat(tasks.claimNext("w", null).map(Task::id)).contains(low);
        assertThat(tasks.claimNext("w", null)).isEmpty();
    }

    @Test
    void deletedTasksAreNotClaimed() {
        long id = insert("p", TaskState.PENDING, TaskPriority.NORMAL, "tech-explained");
        tasks.markDeleted(tasks.find(id).orElseThrow(), true, null);
        assertThat(tasks.claimNext("w", null)).isEmpty();
    }

    @Test
    void aWriteBasedOnAStaleReadIsRefused() {
        long id = insert("p", TaskState.PENDING, TaskPriority.NORMAL, "tech-explained");
        Task read = tasks.find(id).orElseThrow();
        assertThat(tasks.transition(read, TaskState.PROCESSING, "w1", null, null)).isTrue();
        assertThat(tasks.transition(read, TaskState.DRAFT, null, null, null)).as("stale version").isFalse();
        assertThat(tasks.setPriority(read, TaskPriority.HIGH)).isFalse();
        Task now = tasks.find(id).orElseThrow();
        assertThat(now.status()).isEqualTo(TaskState.PROCESSING);
        assertThat(now.claimedBy()).isEqualTo("w1");
        assertThat(now.version()).isEqualTo(read.version() + 1);
    }

    @Test
    void aSecondTaskForTheSamePageIsRefused() {
        insert("p", TaskState.PENDING, TaskPriority.NORMAL, "tech-explained");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> insert("p", TaskState.DRAFT, TaskPriority.LOW, "x"))
                .isInstanceOf(TaskRepository.DuplicatePageException.class);
    }

    @Test
    void listFiltersByStatusAndChannelAndPages() {
        insert("a", TaskState.PENDING, TaskPriority.NORMAL, "tech-explained");
        insert("b", TaskState.PENDING, TaskPriority.NORMAL, "money-minute");
        insert("c", TaskState.DRAFT, TaskPriority.NORMAL, "tech-explained");
        assertThat(tasks.list(TaskState.PENDING, null, 10, 0)).extracting(Task::notionPageId).containsExactly("a", "b");
        assertThat(tasks.list(null, "tech-explained", 10, 0)).extracting(Task::notionPageId).containsExactly("a", "c");
        List<Task> first = tasks.list(null, null, 2, 0);
        assertThat(first).hasSize(2);
        assertThat(tasks.list(null, null, 2, first.get(1).id())).extracting(Task::notionPageId).containsExactly("c");
    }
}
