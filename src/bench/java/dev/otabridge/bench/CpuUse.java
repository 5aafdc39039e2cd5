package dev.otabridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU a server process and the whole machine spent over a measured window, read from /proc: on
 * two cores shared by the load client, the database and the server, a tail is as much the machine's
 * business as the server's, so each search step records both.
 */
final class CpuUse {

    /** USER_HZ, the unit of /proc's CPU times: 100 on the architectures Linux runs this project on (x86, arm). */
    private static final double MILLIS_PER_TICK = 10;

    /** The counters at one moment: the process's user and system ticks, the machine's busy and all ticks. */
    record Snapshot(long processTicks, long machineBusyTicks, long machineTicks) {

        /** From this snapshot to {@code later}. */
        Spent until(Snapshot later) {
            long machine = later.machineTicks - machineTicks;
            return new Spent(
                    (later.processTicks - processTicks) * MILLIS_PER_TICK,
                    machine == 0 ? 0 : (double) (later.machineBusyTicks - machineBusyTicks) / machine);
        }
    }

    /** The process's CPU time in milliseconds, and the share of all cores' time the machine was busy. */
    record Spent(double processMillis, double machineBusy) {}

    private CpuUse() {}

    static Snapshot of(long pid) {
        try {
            // the process's command name, in parentheses, may hold spaces: the fields follow the last ')'
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] process = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime, fields 14 and 15 of proc(5), are the 12th and 13th after the name
            long processTicks = Long.parseLong(process[11]) + Long.parseLong(process[12]);
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // user nice system idle iowait irq softirq steal: idle and iowait are the machine's idle time
            long busy = 0;
            long all = 0;
            for (int i = 1; i <= 8; i++) {
                long ticks = Long.parseLong(cpu[i]);
                all += ticks;
                busy += (i == 4 || i == 5) ? 0 : ticks;
            }
            return new Snapshot(processTicks, busy, all);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU times of process " + pid, e);
        }
    }
}
