package io.fedp2p.node.train;

import io.fedp2p.node.data.FortuneCorpus;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixed windows of {@code context + 1} characters over some categories' text (stride {@code context}): the sample
 * table of a text task. Window i predicts characters 1..context from 0..context−1. Immutable.
 */
final class TextWindows {
    private final List<byte[]> texts = new ArrayList<>();
    private final int[] text;
    private final int[] offset;
    private final int[] firstOfText;
    private final int context;

    TextWindows(List<FortuneCorpus.Category> categories, boolean tail, int context) {
        this.context = context;
        List<Integer> t = new ArrayList<>();
        List<Integer> o = new ArrayList<>();
        firstOfText = new int[categories.size() + 1];
        for (int c = 0; c < categories.size(); c++) {
            byte[] ids = tail ? categories.get(c).tail() : categories.get(c).train();
            texts.add(ids);
            firstOfText[c] = t.size();
            for (int s = 0; s + context + 1 <= ids.length; s += context) {
                t.add(c);
                o.add(s);
            }
        }
        firstOfText[categories.size()] = t.size();
        text = t.stream().mapToInt(Integer::intValue).toArray();
        offset = o.stream().mapToInt(Integer::intValue).toArray();
    }

    int size() {
        return text.length;
    }

    /** Window ids of category c. */
    int[] ofText(int c) {
        int[] ids = new int[firstOfText[c + 1] - firstOfText[c]];
        for (int i = 0; i < ids.length; i++) ids[i] = firstOfText[c] + i;
        return ids;
    }

    /** Inputs ({@code n × context}) and next-character targets of the given windows, as flat arrays. */
    void fill(int[] windows, int[] inputs, int[] targets) {
        for (int w = 0; w < windows.length; w++) {
            byte[] ids = texts.get(text[windows[w]]);
            int s = offset[windows[w]];
            for (int j = 0; j < context; j++) {
                inputs[w * context + j] = ids[s + j];
                targets[w * context + j] = ids[s + j + 1];
            }
        }
    }
}
