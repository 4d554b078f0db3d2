package dev.sluice.servlet.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Content-Disposition and Content-Type parameters as browsers and other clients send them. */
class HeaderParamsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            form-data; name="a"                                      | form-data | a   | NULL
            form-data; name=a                                        | form-data | a   | NULL
            FORM-DATA ; NAME = "a" ; FileName = "x.txt"              | form-data | a   | x.txt
            form-data; name="f"; filename=""                         | form-data | f   | ''
            form-data; name="f"; filename="C:\\dir\\a.txt"           | form-data | f   | C:\\dir\\a.txt
            form-data; name="f"; filename="say \\"hi\\".txt"         | form-data | f   | say "hi".txt
            form-data; name="f"; filename="a;b.txt"                  | form-data | f   | a;b.txt
            form-data; name="f"; filename="été €.txt"                | form-data | f   | été €.txt
            form-data; name="f"; filename*=UTF-8''%E2%82%AC%20rates.txt | form-data | f | € rates.txt
            form-data; name="f"; filename="x.txt"; filename*=utf-8'en'%C3%A9.txt | form-data | f | é.txt
            form-data; name="f"; filename*=ISO-8859-1''%E9.txt        | form-data | f   | é.txt
            form-data; name="f"; filename="fallback"; filename*=UTF-8''%E2%8 | form-data | f | fallback
            form-data; name="f"; filename="fallback"; filename*=KOI8-R''%C1 | form-data | f | fallback
            form-data; name="f"; filename="fallback"; filename*=UTF-8''%٣٩ | form-data | f | fallback
            form-data; name="f"; filename="fallback"; filename*=no-quotes | form-data | f | fallback
            form-data; novalue; name="n"                              | form-data | n   | NULL
            attachment                                                | attachment | NULL | NULL
            """)
    void dispositionParameters(String header, String type, String name, String fileName) {
        HeaderParams p = HeaderParams.parse(header);
        assertEquals(type, p.type());
        assertEquals(name, p.get("name"));
        assertEquals(fileName, p.fileName());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            multipart/form-data; boundary=AaB03x                      | multipart/form-data | AaB03x
            Multipart/Form-Data;boundary="----x y"                    | multipart/form-data | ----x y
            multipart/form-data; charset=UTF-8; boundary=b; x=y       | multipart/form-data | b
            multipart/form-data                                       | multipart/form-data | NULL
            text/plain; boundary=b                                    | text/plain          | b
            """)
    void contentTypeBoundary(String header, String type, String boundary) {
        HeaderParams p = HeaderParams.parse(header);
        assertEquals(type, p.type());
        assertEquals(boundary, p.get("boundary"));
    }
}
