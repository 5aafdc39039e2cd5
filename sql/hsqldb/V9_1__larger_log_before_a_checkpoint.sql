-- HSQLDB checkpoints when its log passes this size, rewriting the whole store (memory tables) to
-- its .script file while every other statement waits. With the default of 50 MB, a burst of
-- 100,000 transitions on the benchmark's 1,000,000 devices checkpointed three times, 5-7 s each
-- with the detector, the relay and the searches stalled (JFR); with 200 MB, none, and the burst
-- ran at 1,534 and 1,557 transitions/s against 1,204 and 1,290 (two trials each). The price: a
-- restart after a crash replays up to 200 MB of log (a clean stop checkpoints).
SET FILES LOG SIZE 200;
