/// The words that signal speech and the words that make up a speaker's name or description.
enum QuoteLexicon {
    /// Reporting verbs that introduce or follow a direct quote: `said`, `told`, `wrote`.
    static let speechVerbs = PackedWord.set("""
        said says say added adds asked asks told tells wrote writes explained explains noted notes \
        argued argues claimed claims insisted insists warned warns declared declares announced announces \
        continued continues replied replies responded responds tweeted tweets posted acknowledged \
        admitted admits suggested suggests testified recalled recalls remarked observed concluded \
        predicted complained complains conceded countered cautioned urged urges vowed promised stated \
        states shouted yelled joked jokes quipped boasted mused reported reports emphasized stressed \
        contended contends maintained maintains agreed agrees reiterated exclaimed proclaimed recounted \
        confirmed confirms denied retorted whispered wondered worried pleaded charged blasted \
        lamented explained answered speculated thundered chimed offered agreed opined ventured \
        screamed sang demanded demands asserted asserts alleged alleges added announced \
        predicts recalled acknowledges writes tweeted notes called calls calling described describes \
        dubbed labeled labelled branded accused accuses praised criticized touted blamed
        """)

    /// Reporting verbs that also introduce reported (indirect) speech: `X said (that) …`.
    static let indirectVerbs = PackedWord.set("""
        said says say told tells warned warns argued argues claimed claims insisted insists added adds \
        noted notes explained explains stated states announced announces suggested suggests wrote writes \
        reported reports acknowledged acknowledges admitted admits predicted predicts believes believed \
        thinks thought contended contends maintained maintains asserted asserts alleged alleges \
        declared declares confirmed confirms denied denies testified emphasized stressed conceded \
        complained complains recalled recalls vowed vows promised promises countered cautioned \
        concluded revealed reveals hinted implied estimated insist believe argue claim warn predict \
        tweeted indicated indicates replied responded agreed agrees feared fears worried
        """)

    /// Reporting verbs that are also plural nouns: `his claims`, `Trump’s tweets`.
    static let nounLike = PackedWord.set("claims notes reports states tweets demands remarks warns answers posts")

    /// Participles that continue an attribution: `Putin said, adding, “…”`.
    static let participles = PackedWord.set("""
        adding saying noting writing explaining arguing telling asking insisting warning calling \
        declaring stating continuing concluding tweeting claiming
        """)

    /// Nouns that stand for a speech act: `issued a warning: “…”`.
    static let speechNouns = PackedWord.set("warning statement message remarks tweet")

    /// Words that may stand between a subject and its reporting verb: `Putin has previously said`.
    static let auxiliaries = PackedWord.set("""
        has have had also later then previously once again recently repeatedly would will is was \
        reportedly further quickly simply did does flatly publicly privately already often \
        never since subsequently earlier still just even separately similarly frequently \
        yesterday today tonight last week night month year
        """)

    /// Auxiliaries and adverbs that PolNeAR's gold cues take in before their verb: `has said`,
    /// `also noted`, `later wrote` (counted on PolNeAR train; `then` and `will` mostly stay out).
    static let cueModifiers = PackedWord.set("""
        has have had also later now repeatedly recently previously initially often already \
        reportedly once never first just since publicly again
        """)

    /// Personal pronouns that can be a speaker.
    static let malePronouns = PackedWord.set("he him his")
    static let femalePronouns = PackedWord.set("she her")
    static let pluralPronouns = PackedWord.set("they we")
    static let objectPronouns = PackedWord.set("it him her them us me")
    static let speakerPronouns = PackedWord.set("he she they we i it")
    /// Possessive pronouns that can own a noun cue: `his claim that …`.
    static let possessivePronouns = PackedWord.set("his her their its our my")

    /// Words that open a description: `a Kremlin spokesman`, `the newspaper`.
    static let determiners = PackedWord.set("""
        a an the his her their its one another two three four several some many other our my \
        both most each
        """)

    /// Lower-case words that may sit inside a name: `Bank of America`, `Osama bin Laden`.
    static let nameConnectors = PackedWord.set("of for at de la le van von bin al der du da del and")

    /// Capitalised words that start a sentence but are not part of a name.
    static let capitalisedStops = PackedWord.set("""
        but and or yet so in on at when while after before meanwhile however still later earlier \
        asked speaking if as since although though because instead now last this that today \
        yesterday then also for with by from of to he she they we it i there here what why how \
        where who which according despite during under over about one other thus indeed even \
        not no both only
        """)

    /// Words that cannot be the head of a speaker description.
    static let nonSpeakerHeads = PackedWord.set("""
        that this it which what there who whom whose where when than as so not also report reports \
        ago earlier later years months weeks days time
        """)

    /// Nouns that stand for a publication or organisation when used as a speaker.
    static let organisationNouns = PackedWord.set("""
        newspaper paper network agency company campaign ministry department government committee \
        magazine outlet station broadcaster channel daily group organization organisation firm \
        administration office party police
        """)

    /// Words after a comma that end a reported content: `…, which …`, `…, although …`.
    static let contentBreaks = PackedWord.set("which although though while whereas")

    /// Particles that join a learnt reporting verb into one cue: `called for …`, `called on …`.
    static let phrasalParticles = PackedWord.set("for on")

    /// Conjunctions that may join a second attribution: `said … and warned …`.
    static let conjunctions = PackedWord.set("and but")

    /// Words that start a reported clause's complementiser: `said that …`.
    static let complementisers = PackedWord.set("that")

    /// Day names, skipped between a subject and its verb: `Putin on Thursday said`.
    static let dayWords = PackedWord.set("monday tuesday wednesday thursday friday saturday sunday on")

    /// Days and months: never a speaker.
    static let timeWords = PackedWord.set("""
        monday tuesday wednesday thursday friday saturday sunday january february march april may june \
        july august september october november december today yesterday tonight
        """)

    /// Determiners that can stand alone as a speaker: `“…,” tweeted another.`
    static let standalone = PackedWord.set("another one others some many several most both")

    static let put = PackedWord.pack("put")
    static let it = PackedWord.pack("it")
    static let according = PackedWord.pack("according")
    static let to = PackedWord.pack("to")
    static let told = PackedWord.pack("told")
    static let tells = PackedWord.pack("tells")
    static let who = PackedWord.pack("who")
    static let and = PackedWord.pack("and")
    static let which = PackedWord.pack("which")
    static let possessive = PackedWord.pack("s")
}
