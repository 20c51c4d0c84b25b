/// The fixed word lists of the rule-based recogniser, keyed by `NameKey` so that checking a token
/// costs one hash lookup.
enum NameLexicon {
    /// Titles that make the name after them a person's: `President`, `Mr.`, `Sen.`.
    static let personTitles = keys("""
        mr mr. mrs mrs. ms ms. dr dr. prof prof. president senator sen. sen rep. representative congressman \
        congresswoman gov. governor mayor minister chancellor premier king queen prince princess pope sheikh \
        ayatollah general gen. gen col. colonel lt. lieutenant maj. major capt. captain sgt. sergeant judge \
        justice secretary ambassador envoy chairman chairwoman commissioner emperor empress president-elect \
        sir lord lady dame rabbi cardinal archbishop bishop imam coach \
        admiral adm. marshal commander spokesman spokeswoman director mrs ms
        """)

    /// Words that qualify a title inside a capitalised run: `Prime`, `Foreign`, `Vice`.
    static let titleModifiers = keys("""
        prime foreign defence defense finance interior trade economy economic deputy vice acting former \
        chief first state home health education justice energy labour labor opposition party supreme \
        senior junior attorney federal national general grand crown agriculture transport industry \
        environment culture information security treasury
        """)

    /// Lowercase nouns that describe a person before a name or in an apposition.
    static let roleNouns = keys("""
        leader president minister spokesman spokeswoman spokesperson official professor analyst chief head \
        director chairman chairwoman secretary ambassador envoy commander general governor mayor senator \
        lawmaker legislator correspondent reporter editor economist researcher scientist coach striker \
        midfielder defender goalkeeper captain manager player driver rider champion premier chancellor king \
        queen prince judge lawyer attorney prosecutor executive founder ceo counterpart adviser advisor aide \
        negotiator diplomat candidate challenger author actor actress singer star owner investor trader \
        strategist dealer chief-executive president-elect vice-president deputy fellow expert specialist \
        journalist commentator activist dissident rebel general-secretary secretary-general colleague \
        partner member husband wife son daughter father mother brother sister nominee boss teammate chair \
        chairperson co-founder governor-elect
        """)

    /// Words after which a capitalised run names an organisation: `CBS News`, `Nanyang Technological University`.
    static let orgHeads = keys("""
        inc inc. corp corp. corporation co co. ltd ltd. plc llc ag sa nv gmbh bv group holdings holding company \
        companies bank university college institute institution school ministry department party council \
        committee commission agency news times post journal press association federation union league club \
        court parliament assembly congress senate army navy police service office bureau board authority \
        organization organisation foundation fund trust exchange airlines airways motors network television \
        radio church hospital museum centre center cabinet government administration movement front alliance \
        coalition brigade brigades studios records systems technologies technology energy oil petroleum telecom \
        communications pharmaceuticals industries securities capital partners bancorp insurance international \
        guard guards corps tribunal reserve bancorp broadcasting herald tribune gazette daily magazine \
        society academy laboratories labs electric chemical steel mining airport stock railways railway \
        fc rovers wanderers athletic hotspur
        """)

    /// Organisations known by name.
    static let knownOrganizations = keys("""
        nato|un|u.n.|eu|e.u.|cbs|nbc|abc|cnn|bbc|ap|afp|reuters|kremlin|pentagon|white house|congress|fbi|cia|nsa|imf|\
        wto|opec|asean|g7|g20|g-7|brics|osce|interpol|hamas|hezbollah|taliban|fed|federal reserve|senate|duma|bundestag|\
        knesset|xinhua|tass|itar-tass|interfax|ria novosti|google|apple|microsoft|meta|facebook|twitter|tesla|boeing|\
        airbus|gazprom|rosneft|huawei|nasdaq|nyse|sec|iaea|unesco|unicef|nasa|uefa|fifa|ioc|european union|\
        united nations|european commission|security council|world bank|red cross|downing street|elysee|bundesbank|\
        politburo|state department|justice department|supreme court|al qaeda|al-qaeda|isis|islamic state|\
        pkk|ira|plo|anc|gop|ecb|oecd|unhcr|mi6|mi5|kgb|fsb|gru|scotland yard|wall street journal|\
        new york times|washington post|financial times|bloomberg|associated press|cnbc|fox news|al jazeera
        """, separator: "|")

    /// Words that join the capitalised words of one name: `Bank of Japan`, `Charles de Gaulle`, `bin Laden`.
    static let nameConnectors = keys("de da del della di du der den van von bin ben ibn al el la le y dos das do")

    /// "of" joins a name only after one of these: `Sea of Japan`, `University of Chicago`.
    static let ofHeads = keys("""
        sea gulf bay strait straits isle isles island islands cape lake mount republic kingdom state states \
        university bank ministry department council institute school college church federation union \
        association league court house board bureau office commission committee academy museum party \
        organization organisation cabinet chamber duke duchess prince princess king queen emperor city \
        province region district people's front movement army secretary
        """)

    /// Capitalised words that are never part of a name: days, months, pronouns, greetings.
    static let neverNames = keys("""
        monday tuesday wednesday thursday friday saturday sunday january february march april june july \
        august september october november december may jan jan. feb feb. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec. i we you he she they it this that these those there \
        here the a an western eastern northern southern first second third fourth fifth sixth seventh eighth ninth tenth last next fax tel christmas easter we're i'm it's that's you're they're i've we've i'll we'll don't can't won't he's she's there's what's let's isn't
        """)

    /// Determiners dropped from the front of a capitalised run.
    static let leadingDeterminers = keys("the a an")

    /// Verbs of saying after a name: a hint that it is a person's.
    static let sayVerbs = keys("said says told added asked replied explained stated noted argued insisted warned")

    /// Prepositions before a place.
    static let placePrepositions = keys("in at from near to into across outside inside around via towards toward")

    /// Words that end an apposition's role: `a professor at X who …`.
    static let appositionStops = keys("who which that whose where when and but said says , ; ( )")

    static func keys(_ words: String, separator: Character = " ") -> HashKeySet {
        var result = HashKeySet()
        for w in words.split(separator: separator) {
            let t = w.trimmingSpaces
            if !t.isEmpty { result.insert(NameKey.ofName(t).key) }
        }
        return result
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(self.drop(while: { $0 == " " || $0 == "\n" }).reversed().drop(while: { $0 == " " || $0 == "\n" }).reversed())
    }
}
