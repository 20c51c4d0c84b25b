/// Small articles with distinct content, for tests that need many files.
public enum ArticleCorpus {
    /// Article number `n`: a headline and two paragraphs, different for every `n`.
    public static func article(_ n: Int, salt: String = "") -> String {
        let cities = ["Berlin", "Paris", "Madrid", "Rome", "Vienna", "Warsaw", "Lisbon", "Dublin"]
        let city = cities[n % cities.count]
        return """
            Council in \(city) approves budget number \(n)\(salt)
            The city council of \(city) approved budget \(n) on Tuesday, officials said.
            "This is a good day for \(city)," Mayor Anna Schmidt said after the vote on item \(n)\(salt).

            """
    }
}
