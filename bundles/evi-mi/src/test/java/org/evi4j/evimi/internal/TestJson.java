package org.evi4j.evimi.internal;

import java.io.IOException;

import org.evi4j.cjson.mi.MiJson;
import org.evi4j.mi.MiValue;

/** JSON as the MI reads and writes it, to build requests and compare results with. */
final class TestJson {

    private static final MiJson JSON = new MiJson();

    private TestJson() {
    }

    static String json(MiValue value) {
        return JSON.text(value);
    }

    static MiValue parse(String text) throws IOException {
        return JSON.parse(text);
    }
}
