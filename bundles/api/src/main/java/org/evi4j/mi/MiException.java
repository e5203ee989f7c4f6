package org.evi4j.mi;

/**
 * An MI error reply. JSON-RPC clients get {@code {"code":..,"message":..[,"data":..]}}; legacy text clients get
 * {@code CODE REASON}, where the legacy code and reason default to the JSON-RPC ones but may differ, as in OpenSIPS
 * ({@code 400 Bad parameter value} in JSON-RPC is {@code 400 Bad parameter} in the legacy text).
 */
public class MiException extends Exception {
    private static final long serialVersionUID = 1L;

    /** JSON-RPC "Invalid params". */
    public static final int INVALID_PARAMS = -32602;
    /** JSON-RPC "Server error". */
    public static final int SERVER_ERROR = -32000;

    private final int code;
    private final String data;
    private final int legacyCode;
    private final String legacyReason;

    public MiException(int code, String message) {
        this(code, message, null, code, message);
    }

    public MiException(int code, String message, String data, int legacyCode, String legacyReason) {
        super(message);
        this.code = code;
        this.data = data;
        this.legacyCode = legacyCode;
        this.legacyReason = legacyReason;
    }

    /**
     * -32602 {@code Invalid params} with {@code data} naming the problem; legacy {@code 400 Bad parameter}, or
     * {@code 400 Too few or too many arguments} when the count is wrong.
     */
    public static MiException invalidParams(String data) {
        boolean count = data.startsWith("Too few or too many");
        return new MiException(INVALID_PARAMS, "Invalid params", data, 400,
                count ? "Too few or too many arguments" : "Bad parameter");
    }

    /** -32602 {@code Bad type for parameter 'name'}. */
    public static MiException badType(String parameter) {
        return invalidParams("Bad type for parameter '" + parameter + "'");
    }

    /** The same error with another legacy code and reason. */
    public MiException withLegacy(int code, String reason) {
        return new MiException(this.code, getMessage(), data, code, reason);
    }

    public int code() {
        return code;
    }

    /** The JSON-RPC {@code data}, or {@code null}. */
    public String data() {
        return data;
    }

    public int legacyCode() {
        return legacyCode;
    }

    public String legacyReason() {
        return legacyReason;
    }
}
