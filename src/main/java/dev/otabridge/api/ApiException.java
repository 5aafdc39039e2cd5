package dev.otabridge.api;

import dev.otabridge.expression.ExpressionException;

/**
 * A request the API refuses, with the EnOS code and the message the caller reads. Messages name
 * what was wrong; they never hold SQL, stack traces or stored data.
 */
public class ApiException extends RuntimeException {

    public static final int INVALID_ARGUMENT = 99400;
    /** Not in EnOS's published table: the project's code for a caller that did not prove who it is. */
    public static final int UNAUTHORIZED = 99401;

    public static final int DENIED = 99403;
    /** Not in EnOS's published table: the project's code for a caller over its rate limit. */
    public static final int TOO_MANY_REQUESTS = 99429;

    public static final int INTERNAL_ERROR = 99500;
    /** Not in EnOS's published table: the project's code for a server that is starting or stopping (HTTP 503). */
    public static final int UNAVAILABLE = 99503;

    private final int code;

    public ApiException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** EnOS's 99400 form: {@code Invalid Argument <parameter>:<detail>}. */
    public static ApiException invalidArgument(String parameter, String detail) {
        return new ApiException(INVALID_ARGUMENT, "Invalid Argument " + parameter + ":" + detail);
    }

    /**
     * A refused expression, in EnOS's words: its disallowed-operator text as is, any other mistake as 99400 of
     * "expression".
     */
    public static ApiException refusing(ExpressionException refused) {
        return refused.isOperatorNotAllowed()
                ? new ApiException(INVALID_ARGUMENT, refused.getMessage())
                : invalidArgument("expression", refused.getMessage());
    }

    public int code() {
        return code;
    }
}
