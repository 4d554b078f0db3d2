package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void tcharIsExactlyTheSetOfRfc9110Section562() {
        String tchar = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int c = -1; c < 300; c++) {
            assertEquals(c >= 0 && tchar.indexOf(c) >= 0, Tokens.isTokenChar(c), "char " + c);
        }
        assertEquals(true, Tokens.isToken(tchar));
        assertEquals(false, Tokens.isToken(""));
        assertEquals(false, Tokens.isToken(null));
        assertEquals(false, Tokens.isToken("a b"));
        assertEquals(false, Tokens.isToken("a\"b"));
    }

    @Test
    void stringAndCharSequenceFormsAgreeOnEveryChar() {
        for (char c = 0; c < 400; c++) {
            String s = "a" + c + "b";
            assertEquals(Tokens.isToken((CharSequence) new StringBuilder(s)), Tokens.isToken(s), "char " + (int) c);
            assertEquals(Tokens.isTokenChar(c), Tokens.isToken(String.valueOf(c)), "char " + (int) c);
        }
        assertEquals(false, Tokens.isToken((CharSequence) null));
        assertEquals(false, Tokens.isToken((CharSequence) ""));
    }
}
