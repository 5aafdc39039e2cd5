-- HSQLDB checkpoints when its log passes this size, rewriting the whole store (memory tables) to
-- its .script file while every other statement waits; at the default size a burst of transitions on
-- a large fleet checkpointed several times, stalling the detector, the relay and the searches
-- (docs/decisions/0012-hsqldb-log-size.md). The price: a restart after a crash replays up to this
-- much log (a clean stop checkpoints).
SET FILES LOG SIZE 200;
