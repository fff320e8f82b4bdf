package org.wegweiser.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;

/**
 * The "lowercase" tokenizer: splits on non-letters (like the letter
 * tokenizer) and lowercases each token. Lucene 9 dropped LowerCaseTokenizer.
 */
final class LowerCaseLetterTokenizer extends Tokenizer {
    private static final int MAX_TOKEN_LENGTH = 255;

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final StringBuilder text = new StringBuilder();
    private boolean loaded;
    private int pos;

    private void load() throws IOException {
        text.setLength(0);
        char[] buf = new char[4096];
        int n;
        while ((n = input.read(buf)) != -1) {
            text.append(buf, 0, n);
        }
        loaded = true;
        pos = 0;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!loaded) {
            load();
        }
        clearAttributes();
        final int len = text.length();
        while (pos < len && !Character.isLetter(text.codePointAt(pos))) {
            pos += Character.charCount(text.codePointAt(pos));
        }
        if (pos >= len) {
            return false;
        }
        final int start = pos;
        int chars = 0;
        while (pos < len) {
            int cp = text.codePointAt(pos);
            if (!Character.isLetter(cp) || chars >= MAX_TOKEN_LENGTH) {
                break;
            }
            termAtt.append(new String(Character.toChars(Character.toLowerCase(cp))));
            pos += Character.charCount(cp);
            chars++;
        }
        offsetAtt.setOffset(correctOffset(start), correctOffset(pos));
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int finalOffset = correctOffset(text.length());
        offsetAtt.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        loaded = false;
        pos = 0;
        text.setLength(0);
    }
}
