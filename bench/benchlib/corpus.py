"""The articles both systems are given: PolNeAR when ../shared/data is there, else a generated corpus;
and copies of them with distinct content, staged beside an inbox so a rename drops them."""
import glob
import os
import random

SEED = 8


def polnear_files(root):
    shared = os.environ.get("NEWSD_SHARED_DATA") or os.path.join(root, "..", "shared", "data")
    return sorted(glob.glob(os.path.join(shared, "polnear", "*", "text", "*.txt")))


def words_of(path):
    """Whitespace-separated tokens of the file read as UTF-8: the word count for both systems."""
    with open(path, "rb") as f:
        return len(f.read().decode("utf-8", errors="replace").split())


def shuffled(paths):
    """A fixed order that mixes publishers, so that any prefix (a capped peer run) is a fair sample."""
    out = list(paths)
    random.Random(SEED).shuffle(out)
    return out


FIRST = ["Anna", "Pedro", "Mei", "John", "Fatima", "Oleg", "Grace", "Luis", "Aiko", "Samuel", "Nadia", "Tom"]
LAST = ["Schmidt", "Alvarez", "Chen", "Okafor", "Novak", "Haddad", "Larsen", "Moreau", "Tanaka", "Brown"]
ROLE = ["Mayor", "Senator", "Finance Minister", "President", "spokeswoman", "chief executive", "Governor"]
ORG = ["the European Commission", "Reuters", "the World Bank", "Siemens", "the United Nations",
       "the Federal Reserve", "Toyota", "Amnesty International", "the city council", "NATO"]
PLACE = ["Berlin", "Nairobi", "Lima", "Osaka", "Ohio", "Texas", "Brazil", "Poland", "Canada", "Cairo"]
VERB = ["approved", "rejected", "delayed", "announced", "criticised", "defended", "expanded", "cut"]
THING = ["the budget", "a new rail line", "the climate plan", "tariffs on steel", "the merger",
         "a housing programme", "the election law", "fishing quotas", "the vaccine rollout"]
MONTH = ["January", "March", "May", "July", "September", "November"]
DAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generated_corpus(folder, n=924):
    """n plain-text articles of about 600 words, written from a seeded grammar (no data needed)."""
    rng = random.Random(SEED)
    os.makedirs(folder, exist_ok=True)
    paths = []
    for i in range(n):
        def person():
            return "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
        lines = ["%s %s %s in %s" % (rng.choice(ORG).replace("the ", "").title(), rng.choice(VERB),
                                     rng.choice(THING), rng.choice(PLACE)), ""]
        while sum(len(l.split()) for l in lines) < 600:
            who, org, place = person(), rng.choice(ORG), rng.choice(PLACE)
            para = [
                "%s (Reuters) - %s %s %s on %s, officials said." % (
                    place.upper(), org[0].upper() + org[1:], rng.choice(VERB), rng.choice(THING), rng.choice(DAY)),
                "\u201cThis is %s for the people of %s,\u201d %s %s said." % (
                    rng.choice(["a good day", "a mistake", "long overdue", "only the start"]), place,
                    rng.choice(ROLE), who),
                "The plan costs $%d million and would raise spending by %d%% by %s %d." % (
                    rng.randint(5, 900), rng.randint(1, 40), rng.choice(MONTH), rng.randint(2024, 2030)),
                "%s told %s that %s would %s it." % (
                    who.split()[1], rng.choice(ORG), rng.choice(["the government", "the company", "she", "he"]),
                    rng.choice(["review", "oppose", "support", "fund"])),
            ]
            lines.append(" ".join(para))
            lines.append("")
        p = os.path.join(folder, "gen-%04d.txt" % i)
        with open(p, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        paths.append(p)
    return paths


def stage(sources, count, folder):
    """count files in folder: the sources in turn, each with a distinct last line, so that every
    staged file is distinct content (newsd skips a duplicate, and PolNeAR has a few)."""
    os.makedirs(folder, exist_ok=True)
    staged = []
    for i in range(count):
        src = sources[i % len(sources)]
        rep = i // len(sources)
        name = "r%02d-%s" % (rep, os.path.basename(src))
        with open(src, "rb") as f:
            data = f.read()
        data += b"\n\nBench copy %d of this article.\n" % i
        dst = os.path.join(folder, name)
        with open(dst, "wb") as f:
            f.write(data)
        staged.append(dst)
    return staged
