package dev.otabridge.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * HTTP load from this JVM over loopback, HTTP/1.1, one connection per worker. Closed loop (each
 * worker sends its next request when the last is answered) finds the highest throughput; open
 * loop (requests at a fixed rate, latency counted from when each request was due, so a slow
 * server is not let off by sending less) measures latency at a given load. Either measures the
 * server process's CPU and the machine's over the measured window.
 */
final class LoadGenerator {

    /**
     * A search request: what kind of search it is (for the latency per kind), the path with its query, and the JSON
     * body.
     */
    record Request(String kind, String path, String body) {}

    /** What a run measured; latencies in milliseconds, over all requests and per kind of search. */
    record Result(
            String label,
            double throughput,
            double p50,
            double p99,
            long requests,
            long failures,
            Map<String, Latency> byKind,
            CpuUse.Spent cpu) {

        /** The server's CPU time per answered request, in milliseconds. */
        double serverCpuMillisPerRequest() {
            return requests == 0 ? 0 : cpu.processMillis() / requests;
        }
    }

    /** One kind's share of a run. */
    record Latency(long requests, double p50, double p99, double max) {}

    /** A latency in nanoseconds and the kind of the request it was measured on. */
    private record Sample(String kind, long nanos) {}

    private final URI base;
    private final long serverPid;
    private final Function<Random, Request> workload;

    /** Load on the server at {@code base}, whose process is {@code serverPid}. */
    LoadGenerator(URI base, long serverPid, Function<Random, Request> workload) {
        this.base = base;
        this.serverPid = serverPid;
        this.workload = workload;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** One call; true when the answer is an envelope with code 0. */
    private boolean call(HttpClient http, Request request) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(base.resolve(request.path()))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(request.body()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().startsWith("{\"code\":0,");
        } catch (Exception e) {
            return false;
        }
    }

    Result closedLoop(String label, int workers, Duration warmup, Duration measure) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Sample> samples = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Random random = new Random(w);
            Thread thread = new Thread(() -> {
                HttpClient http = client();
                List<Sample> own = new ArrayList<>();
                while (System.nanoTime() < end) {
                    Request request = workload.apply(random);
                    long sent = System.nanoTime();
                    boolean ok = call(http, request);
                    long done = System.nanoTime();
                    if (sent >= measureFrom && done <= end) {
                        if (!ok) {
                            failures.incrementAndGet();
                        }
                        own.add(new Sample(request.kind(), done - sent));
                    }
                }
                synchronized (samples) {
                    samples.addAll(own);
                }
            });
            threads.add(thread);
            thread.start();
        }
        CpuUse.Spent cpu = cpuBetween(measureFrom, end);
        for (Thread thread : threads) {
            thread.join();
        }
        return result(label, samples, measure, failures.get(), cpu);
    }

    Result openLoop(String label, double perSecond, Duration warmup, Duration measure) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        ThreadLocal<HttpClient> clients = ThreadLocal.withInitial(LoadGenerator::client);
        Random random = new Random(7);
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Sample> samples = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        CpuUse.Snapshot measuredFrom = null;
        for (long due = start; due < end; due += interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (measuredFrom == null && due >= measureFrom) {
                measuredFrom = CpuUse.of(serverPid);
            }
            long intended = due;
            Request request = workload.apply(random);
            pool.execute(() -> {
                boolean ok = call(clients.get(), request);
                long done = System.nanoTime();
                if (intended >= measureFrom) {
                    if (!ok) {
                        failures.incrementAndGet();
                    }
                    synchronized (samples) {
                        samples.add(new Sample(request.kind(), done - intended));
                    }
                }
            });
        }
        CpuUse.Spent cpu = measuredFrom == null ? new CpuUse.Spent(0, 0) : measuredFrom.until(CpuUse.of(serverPid));
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        return result(label, samples, measure, failures.get(), cpu);
    }

    /** The CPU spent from {@code from} to {@code to}, both on this JVM's nano clock; waits until {@code to}. */
    private CpuUse.Spent cpuBetween(long from, long to) {
        parkUntil(from);
        CpuUse.Snapshot first = CpuUse.of(serverPid);
        parkUntil(to);
        return first.until(CpuUse.of(serverPid));
    }

    /** A park may return early: parks until this JVM's nano clock has passed {@code nanoTime}. */
    private static void parkUntil(long nanoTime) {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private static Result result(
            String label, List<Sample> samples, Duration measure, long failures, CpuUse.Spent cpu) {
        long[] all = samples.stream().mapToLong(Sample::nanos).sorted().toArray();
        if (all.length == 0) {
            return new Result(label, 0, 0, 0, 0, failures, Map.of(), cpu);
        }
        Map<String, Latency> byKind = new TreeMap<>();
        samples.stream().collect(Collectors.groupingBy(Sample::kind)).forEach((kind, of) -> {
            long[] sorted = of.stream().mapToLong(Sample::nanos).sorted().toArray();
            byKind.put(
                    kind,
                    new Latency(
                            sorted.length,
                            percentile(sorted, 0.50),
                            percentile(sorted, 0.99),
                            sorted[sorted.length - 1] / 1e6));
        });
        return new Result(
                label,
                all.length / (measure.toNanos() / 1e9),
                percentile(all, 0.50),
                percentile(all, 0.99),
                all.length,
                failures,
                byKind,
                cpu);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
