package io.accountoauth.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Checks that packed fields come back as they went in, whatever characters they hold. */
class FieldsTest {

    @Test
    void whenPackedAndUnpackedThenTheSameFieldsComeBackNullsAndEmptiesIncluded() {
        String[] fields = {"grant-1", null, "", "a:b", "12:34", "-", "x\u0000y", "http://127.0.0.1:9000/cb?x=1|2"};

        assertArrayEquals(fields, Fields.unpack(Fields.pack(fields)));
    }

    @Test
    void whenNestedThenTheInnerPackingSurvives() {
        String inner = Fields.pack("a", null, "b");

        String[] outer = Fields.unpack(Fields.pack(inner, "c"));

        assertArrayEquals(new String[] {"a", null, "b"}, Fields.unpack(outer[0]));
    }

    @Test
    void whenTheValueWasNotPackedThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> Fields.unpack("9:short"));
        assertThrows(IllegalArgumentException.class, () -> Fields.unpack(":x"));
        assertThrows(IllegalArgumentException.class, () -> Fields.unpack("x"));
    }
}
