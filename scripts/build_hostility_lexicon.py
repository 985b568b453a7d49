"""Build ``src/netiquette/checks/hostility_words.json`` from the better-profanity word list.

Source: the PyPI package ``better-profanity`` (MIT licence,
https://github.com/snguyenthanh/better_profanity), file
``better_profanity/profanity_wordlist.txt``. The list is read from the
installed package with ``importlib.resources``; its version, licence and
SHA-256 are written into the generated file, so a reader can tell exactly
which list the lexicon came from.

Run it by hand when the list changes (it is not needed at run time, and
netiquette does not depend on the package)::

    pip install "better-profanity==0.7.0"
    python scripts/build_hostility_lexicon.py

Curation. A profanity filter's list is built to censor; a hostility check
must only warn about what hurts a reader, so every entry is sorted into one
of four groups here, and everything not named in a kept group is dropped:

- ``slurs``: words that demean people for who they are. Reported in any context.
- ``profanity``: strong swear words. Reported when aimed at someone or used
  to run down what they said; as a friendly intensifier they are not.
- ``mild``: mild swear words ("damn", "hell", "crap") that are mostly
  intensifiers; reported only inside a phrase aimed at someone ("go to hell").
- ``insults``: name-calling words; reported only with a person as target.

``REMOVED`` records why each dropped family is dropped. The generated file
lists the dropped words too, so the decision can be reviewed.
"""

from __future__ import annotations

import hashlib
import json
import sys
from importlib import metadata, resources
from pathlib import Path

PACKAGE = "better-profanity"
MODULE = "better_profanity"
WORDLIST = "profanity_wordlist.txt"
LICENSE = "MIT"
OUTPUT = Path(__file__).resolve().parent.parent / "src" / "netiquette" / "checks" / "hostility_words.json"

SLURS = set(
    "chink gook gooks kike kikes kyke heeb moolie injun honky jap japs kraut polack wop whitey wigger wetback "
    "spic spik spiks paki spac nigger niggers nigga niggas niggaz niggah nigg nigg3r nigg4h niglet n1g n1gg "
    "n1gga n1gger faggot faggit faggitt fagot fagots faggs fagg retard retarded rtard r-tard reetard ritard tard "
    "lesbo lezbo lezzie lezzies lezzy lez h0m0 h0mo hom0 heshe shemale".split()
)
SLURS |= {"she male"}

PROFANITY = set(
    "fuck fucka fucked fucker fuckers fuckin fucking fuckings fucks fuckoff fuckme fuckup fuck-ass fuck-bitch "
    "f_u_c_k f-u-c-k f.u.c.k fcuk fcuker fcuking fook fooker fuk fuker fukker fukkin fukking fuks fvck fxck fux "
    "fux0r phuck phuk phuked phuking phukked phukking phuks phuq m-fucking mofo mo-fo m0fo m0f0 mof0 "
    "motherfuck motherfucka motherfucked motherfucker motherfuckers motherfuckin motherfucking motherfuckings "
    "motherfuckka motherfucks mothafuck mothafucka mothafuckas mothafuckaz mothafucked mothafucker mothafuckers "
    "mothafuckin mothafucking mothafuckings mothafucks mtherfucker mthrfucker mthrfucking muthafecker "
    "muthafuckaz muthafucker muthafuckker mutherfucker mutherfucking muthrfucking fuckingshitmotherfucker "
    "shit shits shitted shitting shittings shitty shite shitey shited shiting shitings shitt shitter shitters "
    "s_h_i_t s-h-1-t s-h-i-t s.h.i.t. sh!t sh!+ sh1t shi+ bullshit cunt cunts twat twats twatty tw4t "
    "asshole arsehole asswhole son-of-a-bitch s-o-b s.o.b. s0b sumofabiatch "
    "bastard wank wanky wtf stfu gtfo foad gfy".split()
)
PROFANITY |= {"bull shit", "mother fucker"}
PROFANITY |= set(
    "shithole shithouse shitfuck shitfucker assfuck assfucker ass-fucker cocksuck cocksucked cocksucks".split()
)

MILD = set(
    "damn goddamn goddam godamn godamnit goddammit goddamned god-dam god-damned hell he11 crap piss pissed "
    "pisses pissing pissoff piss-off pisser arse arrse ass feck".split()
)

INSULTS = set(
    "moron dummy doofus dopey weirdo ugly stupid jerk nimrod ninny prig sissy trashy scum sleaze sleazy "
    "dumbass dumass dumbasses jackass fatass punkass dickhead cockhead cockface cocksucker cocksucking "
    "cockmuncher cokmuncher fuckface fuckhead fuckheads fucktard fuckwit fuckwhit fukwit fukwhit fucknut "
    "shithead shitface shitdick twathead twunt twunter douche douchebag douchebags douchey doosh duche douch3 "
    "wanker tosser bellend knobhead knobend knobead nobhead prick pricks turd slut sluts whore whores wh0re "
    "bitch bitches skank bimbo floozy hussy wench numbnuts pussy schizo tramp".split()
)
INSULTS |= set("fuckwad fucknugget fuckpuppet fuck-tard fuckass jackhole pigfucker shiteater whoreface".split())

# Why the rest of the list is not used. Each family is innocent in ordinary
# talk, or a topic rather than an attack on the reader.
REMOVED = {
    "sexual, anatomical and medical vocabulary (talking about bodies or health is not hostility; oversharing "
    "covers it)": "anal anus areole ballsack boner boob boobs breasts clitoris crotch dildo ejaculate erection "
    "erotic foreskin genitals glans gonad hymen labia menses menstruate menstruation nipple orgasm ovary ovum "
    "penis pubic rectal rectum scrotum semen sperm testicle tampon uterus vagina vulva womb naked nude nudes "
    "sex sexual porn porno pornography",
    "common English words and idioms (Scunthorpe and friends: whole words that are ordinary in context)": "cock "
    "cocks dick dink dong pot screw screwed screwing suck sucked sucking strip stroke thrust hump humped "
    "humping lust lusty seaman seamen organ fat nappy pawn revue maxi flange hooch hooker hooter hooters "
    "woody willy willies wang wad weenie weiner whiz tinkle toots tush rump teat loin loins muff nob nad "
    "nads knob snatch spunk stiffy vixen virgin slave thug foobar fubar oral orally facial hoar "
    "hore hoer hoor hoare slope paddy massa pollock guido hebe gringo coon cnut dyke dykes niggle spick "
    "bitchin fanny kinky racy steamy tawdry raunch vulgar",
    "identity terms that are self-descriptions far more often than slurs": "gay gays gey ghay ghey gai gae "
    "queer queers queero homo lesbians lesbos lezbian lezbians transsexual negro",
    "history, politics and crime as topics": "nazi nazism hitler reich kkk klan murder kill rape raped rapist "
    "molest pedophile sniper napalm uzi",
    "drugs and alcohol as topics": "drunk stoned weed hemp ganja reefer heroin meth opium opiate pcp peyote "
    "valium viagra vodka rum junkie junky souse soused toke",
    "internet abbreviations that are not aimed at anyone": "omg lmao lmfao",
    "religious words": "god",
    "abbreviations and verbs that are usually something else (NIG for Nigeria; bitching is complaining)": "nig "
    "bitching bitchin",
}


def _wordlist() -> tuple[list[str], str]:
    raw = resources.files(MODULE).joinpath(WORDLIST).read_bytes()
    words = sorted({line.strip().lower() for line in raw.decode("utf-8").splitlines() if line.strip()})
    return words, hashlib.sha256(raw).hexdigest()


def build() -> dict[str, object]:
    """The curated lexicon as a JSON-ready dict."""
    words, digest = _wordlist()
    listed = set(words)
    kept = {"slurs": SLURS, "profanity": PROFANITY, "mild": MILD, "insults": INSULTS}
    groups = {name: sorted(group & listed) for name, group in kept.items()}
    used = set().union(*groups.values())
    return {
        "source": {
            "package": PACKAGE,
            "version": metadata.version(PACKAGE),
            "file": f"{MODULE}/{WORDLIST}",
            "license": LICENSE,
            "sha256": digest,
            "entries": len(words),
            "generator": "scripts/build_hostility_lexicon.py",
        },
        **groups,
        "removed": {
            "reasons": {reason: sorted(set(family.split()) & listed) for reason, family in REMOVED.items()},
            # Sexual slang and rare spellings: about sex, not aimed at a reader.
            "other": sorted(listed - used - {w for family in REMOVED.values() for w in family.split()}),
        },
    }


def main() -> int:
    """Write the lexicon and report how many words went into each group."""
    lexicon = build()
    OUTPUT.write_text(json.dumps(lexicon, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for name in ("slurs", "profanity", "mild", "insults"):
        print(f"{name}: {len(lexicon[name])}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
