/// English function words and very common verbs that never make a key phrase on their own and that
/// do not count as shared content between sentences.
public enum StopWords {
    /// Whether `key` is a stop word.
    public static func contains(_ key: String) -> Bool {
        hashes.contains(WordKey.hash(key))
    }

    /// Whether the word with hash `hash` (see `WordKey.hash`) is a stop word.
    @inline(__always)
    static func contains(hash: UInt64) -> Bool {
        hashes.contains(hash)
    }

    /// Stop words that stay function words even when capitalised inside a sentence (`I'm`, weekdays,
    /// `May` the month, which the dates stage reports).
    static let neverContent = HashKeySet([
        "i'm", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "may", "mr", "mrs",
        "ms", "mr.", "mrs.", "ms.", "dr.", "a.m.", "p.m.", "today", "yesterday", "tomorrow",
    ].map(WordKey.hash))

    /// The stop words' hashes (built from an array, so a repeated entry is harmless).
    static let hashes = HashKeySet(list.map(WordKey.hash))

    static let list: [String] = [
        "a", "about", "above", "across", "after", "again", "against", "ago", "all", "almost", "along",
        "already", "also", "although", "always", "am", "among", "an", "and", "another", "any", "anyone",
        "anything", "are", "aren't", "around", "as", "at", "away", "back", "be", "became", "because",
        "become", "becomes", "been", "before", "being", "below", "besides", "between", "beyond", "both",
        "but", "by", "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does",
        "doesn't", "doing", "don't", "done", "down", "during", "each", "either", "else", "enough", "even",
        "ever", "every", "few", "first", "for", "from", "further", "get", "gets", "getting", "got", "had",
        "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he's", "her", "here", "hers",
        "herself", "him", "himself", "his", "how", "however", "i", "i'm", "if", "in", "including", "into",
        "is", "isn't", "it", "it's", "its", "itself", "just", "last", "later", "least", "less", "let",
        "like", "made", "make", "makes", "making", "many", "may", "me", "meanwhile", "might", "more",
        "most", "much", "must", "my", "myself", "near", "nearly", "neither", "never", "new", "next", "no",
        "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "onto", "or", "other",
        "others", "our", "ours", "ourselves", "out", "over", "own", "per", "perhaps", "put", "quite",
        "rather", "really", "recently", "said", "same", "say", "saying", "says", "see", "seen", "several",
        "shall", "she", "she's", "should", "shouldn't", "since", "so", "some", "something", "still", "such",
        "take", "taken", "takes", "than", "that", "that's", "the", "their", "theirs", "them", "themselves",
        "then", "there", "there's", "these", "they", "they're", "they've", "thing", "things", "this",
        "those", "though", "through", "thus", "to", "together", "told", "too", "toward", "towards", "under",
        "unless", "until", "up", "upon", "us", "use", "used", "very", "via", "was", "wasn't", "way", "we",
        "we're", "we've", "well", "went", "were", "weren't", "what", "whatever", "when", "where",
        "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without",
        "won't", "would", "wouldn't", "yet", "you", "your", "yours", "'s", "s", "mr", "mrs", "ms", "mr.",
        "mrs.", "ms.", "dr.", "according", "added", "asked", "came", "come", "comes", "go", "goes", "going",
        "gone", "give", "given", "gives", "know", "known", "knew", "look", "looks", "want", "wanted",
        "wants", "need", "needs", "tell", "think", "thinks", "thought", "lot", "lots", "part", "year",
        "years", "today", "yesterday", "tomorrow", "week", "weeks", "month", "months", "day", "days",
        "time", "times", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "stated", "noted", "believe", "believes", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "hundred", "thousand", "million", "billion", "percent", "around", "yes",
        "whose", "whom", "else", "ours", "am", "pm", "a.m.", "p.m.", "etc", "e.g.", "i.e.", "re",
        "previously", "especially", "particularly", "increasingly", "highly", "directly", "sharply",
        "continue", "continued", "continues", "become", "help", "helped", "helps", "called", "calls",
        "including", "despite", "amid", "following", "regarding", "concerning", "re",
    ]
}
