package org.keepalivelab.explain;

import java.util.List;
import java.util.stream.Collectors;

/** A connection's story in plain words, sentence by sentence, in the order things happened. */
public record Story(int conn, List<Sentence> sentences) {
    public Story {
        sentences = List.copyOf(sentences);
    }

    /** The whole story as one paragraph. */
    public String text() {
        return sentences.stream().map(Sentence::text).collect(Collectors.joining(" "));
    }
}
