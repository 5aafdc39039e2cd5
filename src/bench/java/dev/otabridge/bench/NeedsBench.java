package dev.otabridge.bench;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs benchmarks only in the bench profile, and says loudly what another run skipped. */
public final class NeedsBench implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Boolean.getBoolean("ota.bench")) {
            return ConditionEvaluationResult.enabled("bench profile");
        }
        if (context.getTestMethod().isEmpty()) {
            System.err.println("\n*** SKIPPED " + context.getDisplayName() + ": a benchmark (about 25 minutes)."
                    + " Run it with: mvn -B -Pbench verify ***\n");
        }
        return ConditionEvaluationResult.disabled("a benchmark: mvn -B -Pbench verify");
    }
}
