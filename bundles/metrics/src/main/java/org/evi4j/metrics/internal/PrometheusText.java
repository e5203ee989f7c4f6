package org.evi4j.metrics.internal;

/**
 * The Prometheus text exposition format 0.0.4, written by hand (TOOLCHAIN G31): a family's {@code # HELP} and
 * {@code # TYPE} once, before its samples; label values and help escaped; integral values without a decimal point;
 * the text ends with a newline. Not thread-safe: one per scrape.
 */
final class PrometheusText {
    /** The Content-Type of the format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);

    /** Starts a family; {@code type} is {@code counter} or {@code gauge}. Counters' names end in {@code _total}. */
    PrometheusText family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ');
        escape(help, false);
        out.append("\n# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** One sample of the family just started; {@code labels} alternate names and values. */
    PrometheusText sample(String name, long value, String... labels) {
        out.append(name);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i + 1 < labels.length; i += 2) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labels[i]).append("=\"");
                escape(labels[i + 1], true);
                out.append('"');
            }
            out.append('}');
        }
        out.append(' ').append(value).append('\n');
        return this;
    }

    private void escape(String text, boolean quote) {
        String s = text == null ? "" : text;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '"' && quote) {
                out.append("\\\"");
            } else {
                out.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
