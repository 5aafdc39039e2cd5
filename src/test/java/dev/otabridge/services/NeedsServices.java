package dev.otabridge.services;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs services tests (the machine's servers, or long runs) only in the services profile, and says loudly what the
 * plain run skipped.
 */
public final class NeedsServices implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Boolean.getBoolean("ota.services")) {
            return ConditionEvaluationResult.enabled("services profile");
        }
        if (context.getTestMethod().isEmpty()) {
            System.err.println("\n*** SKIPPED " + context.getDisplayName()
                    + ": it needs the machine's RabbitMQ/PostgreSQL (or a Kafka broker it starts),"
                    + " or is a long run. Run them with: mvn -B -Pservices test ***\n");
        }
        return ConditionEvaluationResult.disabled("needs the machine's servers: mvn -B -Pservices test");
    }
}
