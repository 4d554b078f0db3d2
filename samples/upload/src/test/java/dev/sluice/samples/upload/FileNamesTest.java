package dev.sluice.samples.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            report.pdf                 | report.pdf
            C:\\Users\\ann\\report.pdf  | report.pdf
            ../../etc/passwd           | passwd
            .htaccess                  | htaccess
            ...                        | NULL
            ''                         | NULL
            '   '                      | NULL
            a<b>:"c"?.txt              | a_b___c__.txt
            été €.txt                  | été €.txt
            """)
    void storableNames(String submitted, String expected) {
        assertEquals(expected, FileNames.storable(submitted));
    }

    @Test
    void nullAndOverlongNames() {
        assertEquals(null, FileNames.storable(null));
        assertEquals("é".repeat(100), FileNames.storable("é".repeat(150)));
        assertEquals("a_b", FileNames.storable("a\u0000b"));
    }

    @Test
    void contentDispositionCarriesAnAsciiFallbackAndTheExactName() {
        assertEquals("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf",
                FileNames.contentDisposition("report.pdf"));
        assertEquals("attachment; filename=\"_t_ 100_ _x_.txt\"; filename*=UTF-8''%C3%A9t%C3%A9%20100%25%20%22x%22.txt",
                FileNames.contentDisposition("été 100% \"x\".txt"));
    }

    @Test
    void sizes() {
        assertEquals("1 byte", FileNames.size(1));
        assertEquals("1023 bytes", FileNames.size(1023));
        assertEquals("1.5 KiB", FileNames.size(1536));
        assertEquals("5.0 MiB", FileNames.size(5 * 1024 * 1024));
    }
}
