"""Word lists the person finder reads: roles, organisations, places, given
names, function words. All lower-case; the big ones load lazily, at index
time only.

Given names come from the ``gender-guesser`` package, which ships Jörg
Michael's name dictionary (``nam_dict.txt``: about 45,000 first names from 50+
countries, Western, Slavic, Arabic, Chinese, Japanese, Korean, Indian among
them). It is read here directly, names only; nothing is guessed from it.
"""

from __future__ import annotations

import functools
from importlib import resources

from newsgrep.extract.places import PLACES

# Titles that introduce a name even in a headline in capitals ("PRESIDENT
# REAGAN"), where a capital letter says nothing.
TITLES = frozenset(
    """
president vice-president prime-minister minister secretary secretary-general
undersecretary under-secretary chancellor senator sen sen. congressman
congresswoman rep. governor gov. chairman chairwoman chairperson lord lady sir
dame baroness baron mr mr. mrs mrs. ms ms. messrs messrs. mme mme. dr dr. prof.
professor king queen prince princess emperor empress sheikh sheik emir ayatollah
imam pope cardinal archbishop rev. reverend rabbi ambassador envoy spokesman
spokeswoman spokesperson commissioner colonel col. gen. lieutenant lt. admiral
adm. capt. maj. sergeant sgt. mayor premier speaker prosecutor
attorney-general director-general governor-general vice-chairman co-chairman
""".split()
)

# Roles that introduce a name in running text: "chairman John Tower",
# "analyst Stephen Hess", "General Tommy Franks"; the adjectives among them
# ("general strike", "chief economist") count only capitalised, inside the run.
ROLE_NOUNS = TITLES | frozenset(
    """
representative governor senator bishop father ambassador director commander
captain judge justice magistrate attorney solicitor leader officer adviser
advisor aide counsellor counselor negotiator analyst economist strategist
treasurer comptroller controller regent whip ombudsman inspector superintendent
sheriff detective constable founder co-founder owner investor financier banker
broker trader dealer editor publisher columnist correspondent lawyer barrister
partner manager ceo
""".split()
)
ROLES = ROLE_NOUNS | frozenset(
    """
vice prime chief executive deputy acting assistant associate head general major
marshal field private crown brigadier corporal chair
""".split()
)

# Words that make a capitalised sequence an organisation, a place or a
# thing: "Champion Products Inc", "Tower Commission", "Bahia Superior".
ORGANISATION_WORDS = frozenset(
    """
inc inc. corp corp. co co. ltd ltd. llc plc plc. ag sa s.a. nv n.v. bv gmbh spa
company companies corporation incorporated limited group holdings holding
partners partnership associates industries industrial international
enterprises trust bancorp bancshares bank banks banking bankers financial
finance securities capital investment investments insurance assurance savings
loan fund funds exchange market markets board bureau agency agencies
administration authority commission committee council congress senate
parliament assembly cabinet government ministry department office service
services union unions federation confederation association institute
institution foundation society league alliance coalition party front movement
organisation organization organizations organisations countries nations
university college school academy hospital church mosque temple court
tribunal army navy air force forces police guard corps command club team
motors motor electric electronics airlines airways railways railroad steel
oil petroleum energy gas chemical chemicals pharmaceutical
pharmaceuticals products foods food brands resources mining mines metals
systems technologies technology communications telecom telecommunications
media news press times post journal herald tribune gazette telegraph
television radio network broadcasting studios entertainment stores
airport station street avenue road square plaza house palace
building center centre bridge port harbor harbour river lake
sea ocean bay coast island islands valley mountains mountain peninsula
strait canal desert county province state states city republic kingdom
emirates region district territory reserve treaty accord agreement pact
plan act programme program report index dollar dollars yen
franc francs sterling pounds peso pesos rupee ruble rouble
summit conference war crisis affair scandal award prize cup games olympics
airbase base prison laboratory laboratories labs museum gallery
theatre theater stadium hotel restaurant cathedral garden gardens
community communities brothers bros daily weekly newspaper magazine telephone
telegraph division unit subsidiary staff credit poll note notes dlrs dlr cents
cts stg bonds debentures shares stock trade industry statistics agriculture
commerce affairs economics
labour labor health education environment transport transportation justice
interior defence defense welfare housing development planning fisheries
democrat democrats republican republicans socialist socialists conservative
conservatives liberal liberals communist communists nationalist nationalists
pentagon kremlin whitehall treasury fed bundesbank nasdaq politburo
reuters reuter tass itar-tass interfax xinhua kyodo afp upi dpa ansa efe
bernama antara yonhap irna mena wafa kuna tanjug belga pravda izvestia
izvestiya bloomberg nikkei asahi yomiuri mainichi
""".split()
)

MONTHS_AND_DAYS = frozenset(
    """
january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday
wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun
""".split()
)

# Capitalised words that start sentences or fill headlines but never name
# anyone: function words, pronouns, plural subjects of "said".
FUNCTION_WORDS = frozenset(
    """
a an the and or but nor yet so if then than as at by for from in into of off
on onto out over per to up upon via with within without about above across
after against along amid among around before behind below beneath beside
besides between beyond despite down during except inside near outside since
through throughout till toward towards under underneath unlike until while
whilst whether although though because unless once when whenever where
wherever why how what which who whom whose this that these those there here
it its he him his she her hers they them their theirs we us our ours you your
yours i me my mine one ones no not nothing none neither either each every all
both some any many much more most few several such other others another own
same only also even just still already again ever never always often
meanwhile however moreover further furthermore nevertheless nonetheless instead
indeed thus hence therefore otherwise yes today yesterday tomorrow tonight
now later earlier last next first second third old top is are was were
two three four five six seven eight nine ten eleven twelve twenty hundred
be been being am do does did done has have had having will would shall should
can could might must says said say tells told asks asked adds added
reports reported plans sees seen gets got set sets takes took makes made
dear please thank thanks welcome hello okay ok
officials official analysts analyst traders trader dealers dealer sources
source economists economist diplomats diplomat experts expert witnesses
residents doctors investors bankers brokers critics observers spokesmen
authorities lawyers prosecutors police soldiers troops rebels militants
leaders ministers members delegates negotiators participants aides
advisers advisors workers farmers voters citizens protesters
demonstrators students teachers employees shareholders creditors
everyone everybody someone somebody anyone anybody nobody
""".split()
)

# Verbs that make the capitalised word before them ("..., Ivanov said")
# or after them ("said Ivanov") a speaker.
SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|asked|asks|stated|declared|announced|"
    "warned|warns|noted|insisted|insists|argued|argues|"
    "stressed|stresses|explained|replied|responded|recalled|acknowledged|"
    "admitted|conceded|confirmed|denied|predicted|believes|"
    "thinks|wrote|writes|testified|complained|cautioned|suggested|commented|"
    "emphasised|emphasized|maintained|contended|disclosed|indicated|reiterated|"
    "pledged|promised|vowed|repeated|agreed|declined|refused|hinted|"
    "signalled|signaled|quipped|continued|concluded|urged|urges|"
    "declines|denies|confirms|predicts|admits|concedes|agrees|refuses|promises|"
    "vows|pledges|explains|replies|responds|acknowledges|complains|cautions|"
    "suggests|comments|maintains|discloses|indicates|signals|concludes|"
    "expects|welcomes|reiterates|opposes|favours|favors|rejects|criticises|"
    "criticizes|defends"
)


# What headlines make people do ("BAKER SEES ...", "LAWSON FORECASTS ..."):
# nouns as often as verbs in running text ("Detailed forecasts were ...").
HEADLINE_VERBS = "sees|forecasts|calls|hails|renews|notes|estimates"
# Either kind, as words: a run of capitals ends at one ("Baker Sees").
VERBS = frozenset(SPEECH_VERBS.split("|")) | frozenset(HEADLINE_VERBS.split("|"))
# First words of place names that are also given names: "San Diego",
# "Santa Fe", "Des Moines", "Nova Scotia".
PLACE_PREFIXES = frozenset(
    """
san santa santo sao são saint st. ste fort port mount mt. los las des nova new el
""".split()
)

# Lower-case words that put a company's name after them: "merchant bank
# Pierson", "food retailer Tesco", "the statistics office, Eurostat,".
COMPANY_NOUNS = frozenset(
    """
bank banks firm firms company group retailer maker makers manufacturer
manufacturers producer producers carrier airline brokerage brokers consortium
newspaper daily weekly magazine agency institute office exchange unit
subsidiary concern conglomerate insurer lender utility chain supplier
newsletter tanker ship vessel freighter ferry
""".split()
)

# Firms named after people, as news often names them without "Inc" or "and Co".
FIRMS = frozenset(
    line.strip()
    for line in """
merrill lynch
morgan stanley
goldman sachs
dean witter
dean witter reynolds
smith barney
paine webber
kidder peabody
shearson lehman
drexel burnham
drexel burnham lambert
bear stearns
salomon brothers
charles schwab
e.f. hutton
j.p. morgan
prudential bache
chase manhattan
dow jones
arthur andersen
price waterhouse
rolls royce
mercedes benz
hewlett packard
walt disney
warburg pincus
""".strip().splitlines()
)

# Particles inside names: "Jacques de Larosiere", "Richard von Weizsaecker".
PARTICLES = frozenset(
    """
de da das do dos du del della delle dei di van von der den ter ten le la les
bin ibn ben bint al el abu y e zu
""".split()
)


@functools.cache
def given_names() -> frozenset[str]:
    """First names (lower-case) from gender-guesser's name dictionary."""
    data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    names: set[str] = set()
    with data.open(encoding="utf-8") as lines:
        for line in lines:
            if line[:1] in "#=" or len(line) < 30:
                continue
            name = line[3:29].strip()
            # "Jong+Il" is one given name written with a space or a hyphen.
            names.update(part.lower() for part in name.split("+") if part)
    return frozenset(names)


@functools.cache
def places() -> frozenset[str]:
    """Countries, peoples, regions, US states and capital cities (lower-case)."""
    entries = (
        e.strip().lower()
        for line in PLACES.splitlines()
        if not line.startswith("#")
        for e in line.split("|")
    )
    return frozenset(e for e in entries if e)


@functools.cache
def given_name_genders() -> dict[str, str]:
    """First names (lower-case) that the name dictionary gives one gender:
    "m" or "f". Names given to both ("Andrea", "Jean") are left out, so a
    pronoun never rules out a person on a guess."""
    data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    seen: dict[str, set[str]] = {}
    with data.open(encoding="utf-8") as lines:
        for line in lines:
            code = line[:2]
            if code[:1] in "#=" or "M" not in code and "F" not in code:
                continue
            gender = "m" if "M" in code else "f"
            for part in line[3:29].strip().split("+"):
                seen.setdefault(part.lower(), set()).add(gender)
    return {name: genders.pop() for name, genders in seen.items() if len(genders) == 1}
