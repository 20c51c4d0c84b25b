extension ArticleRecord {
    /// The record as one line of JSON, without the trailing newline.
    public func jsonLine() -> [UInt8] {
        var w = JSONWriter()
        write(to: &w)
        return w.bytes
    }

    /// Writes the record's fields in the order RECORD.md lists them.
    public func write(to w: inout JSONWriter) {
        let a = article
        w.object { w in
            w.field("schema", Self.schema)
            w.field("id", id)
            w.key("source")
            w.object { w in
                w.field("path", source.path)
                w.field("inbox", source.inbox)
                w.field("name", source.name)
                w.field("bytes", source.bytes)
                w.field("modified", source.modified)
                w.field("format", source.format.rawValue)
                w.field("encoding", source.encoding.rawValue)
            }
            w.field("ingested_at", ingestedAt)
            w.field("processing_ms", (processingMs * 1000).rounded() / 1000)
            w.field("language", a.language)
            w.field("title", a.title)
            w.field("byline", strings: a.byline)
            w.field("published", a.published)
            w.field("modified", a.modified)
            w.field("url", a.url)
            w.field("site", a.site)
            w.key("dateline")
            if let d = a.dateline {
                w.object { w in
                    w.field("place", d.place)
                    w.field("agency", d.agency)
                }
            } else {
                w.null()
            }
            w.key("stats")
            w.object { w in
                w.field("words", a.stats.words)
                w.field("sentences", a.stats.sentences)
                w.field("paragraphs", a.stats.paragraphs)
            }
            w.key("sections")
            w.array { w in
                for s in a.sections {
                    w.object { w in
                        w.field("heading", s.heading)
                        w.field("start", s.start)
                        w.field("end", s.end)
                    }
                }
            }
            w.field("summary", strings: a.summary)
            w.key("keywords")
            w.array { w in
                for k in a.keywords {
                    w.object { w in
                        w.field("term", k.term)
                        w.field("score", rounded(k.score))
                    }
                }
            }
            w.key("entities")
            w.array { w in for e in a.entities { e.write(to: &w) } }
            w.key("quotes")
            w.array { w in for q in a.quotes { q.write(to: &w) } }
            w.key("dates")
            w.array { w in
                for d in a.dates {
                    w.object { w in
                        w.field("text", d.text)
                        w.field("start", d.start)
                        w.field("end", d.end)
                        w.field("value", d.value)
                        w.field("resolution", d.resolution.rawValue)
                        w.field("relative", d.relative)
                    }
                }
            }
            w.key("amounts")
            w.array { w in
                for m in a.amounts {
                    w.object { w in
                        w.field("text", m.text)
                        w.field("start", m.start)
                        w.field("end", m.end)
                        w.field("kind", m.kind.rawValue)
                        w.field("value", m.value)
                        w.field("unit", m.unit)
                    }
                }
            }
            w.key("tone")
            w.object { w in
                w.field("score", rounded(a.tone.score))
                w.field("positive", rounded(a.tone.positive))
                w.field("negative", rounded(a.tone.negative))
                w.field("polarity", rounded(a.tone.polarity))
            }
            w.field("text", a.text)
            w.field("warnings", strings: a.warnings)
            w.field("fingerprint", a.fingerprint)
            w.field("story", story)
        }
    }
}

extension TextSpan {
    /// Writes `{"start", "end", "text"}`.
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("start", start)
            w.field("end", end)
            w.field("text", text)
        }
    }
}

extension Entity {
    /// Writes the entity object of RECORD.md.
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id", id)
            w.field("type", type.rawValue)
            w.field("name", name)
            w.field("aliases", strings: aliases)
            w.field("roles", strings: roles)
            w.key("mentions")
            w.array { w in for m in mentions { m.write(to: &w) } }
            w.field("salience", rounded(salience))
            w.key("geo")
            if let g = geo {
                w.object { w in
                    w.field("country", g.country)
                    w.field("kind", g.kind.rawValue)
                    w.field("latitude", g.latitude)
                    w.field("longitude", g.longitude)
                    w.field("geonames_id", g.geonamesID)
                }
            } else {
                w.null()
            }
            w.field("key", key)
        }
    }
}

extension Quote {
    /// Writes the quote object of RECORD.md.
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("kind", kind.rawValue)
            w.field("text", text)
            w.field("start", start)
            w.field("end", end)
            w.field("speaker", speaker)
            w.field("speaker_entity", speakerEntity)
            w.key("speaker_mention")
            if let m = speakerMention { m.write(to: &w) } else { w.null() }
            w.field("cue", cue)
            w.key("cue_mention")
            if let m = cueMention { m.write(to: &w) } else { w.null() }
        }
    }
}

/// Scores keep four decimals: more is noise, and it keeps records short.
private func rounded(_ x: Double) -> Double {
    (x * 10_000).rounded() / 10_000
}
