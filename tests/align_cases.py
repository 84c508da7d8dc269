"""Parallel news stories written for the aligner's measurements, and stories that are not.

Each story is an English article with translations whose right pairs are known by position;
`variants` derives the shapes real editions take (a paragraph dropped, one split in two, two
merged, a photo credit left in the text). `OTHER_OUTLETS` are stories on the same events
written independently: same names, some of the same numbers, not translations. Used by
tests/test_align_eval.py and bench/measure_align.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from l10n_news.importers.translation import pair_units
from l10n_news.sources import Segment
from l10n_news.sources.markdown import PARAGRAPH, TITLE

TRAM_EN = [
    "Almaty opens its first tram line in 30 years",
    "The city's first tram line since 1993 opened on Monday with 12 stops between Sairan and "
    "the Almaty-2 railway station.",
    "Mayor Yerbolat Dosaev said the 9.4-kilometre line cost 48 billion tenge and was built in "
    "26 months.",
    "Trams will run every 7 minutes from 6 a.m. to midnight, and a ride will cost 200 tenge, "
    "the same as a bus.",
    "Residents of the old neighbourhoods along the route had asked for the line for years, "
    "and many came to the opening with their children.",
    "The 16 low-floor cars were assembled in Kazakhstan by a plant in Ekibastuz.",
    "A second line to the Alatau district is planned for 2028, the akimat said.",
]
TRAM_RU = [
    "В Алматы открылась первая за 30 лет трамвайная линия",
    "Первая с 1993 года трамвайная линия города открылась в понедельник: 12 остановок между "
    "Сайраном и вокзалом Алматы-2.",
    "Аким Ерболат Досаев сообщил, что линия длиной 9,4 километра стоила 48 миллиардов тенге и "
    "строилась 26 месяцев.",
    "Трамваи будут ходить каждые 7 минут с 6 утра до полуночи, а поездка обойдётся в 200 тенге, "
    "как и в автобусе.",
    "Жители старых кварталов вдоль маршрута годами просили об этой линии, и многие пришли на "
    "открытие вместе с детьми.",
    "16 низкопольных вагонов собрали в Казахстане на заводе в Экибастузе.",
    "Вторую линию в Алатауский район планируют построить в 2028 году, сообщили в акимате.",
]
TRAM_KK = [
    "Алматыда 30 жылда алғаш рет трамвай желісі ашылды",
    "Қаладағы 1993 жылдан бергі алғашқы трамвай желісі дүйсенбі күні ашылды: Сайран мен "
    "Алматы-2 вокзалы арасында 12 аялдама бар.",
    "Әкім Ерболат Досаев 9,4 шақырымдық желі 48 миллиард теңгеге түсіп, 26 айда салынғанын "
    "айтты.",
    "Трамвайлар таңғы 6-дан түн ортасына дейін әр 7 минут сайын жүреді, жол ақысы автобустағыдай "
    "200 теңге болады.",
    "Бағыт бойындағы ескі аудандардың тұрғындары бұл желіні жылдар бойы сұрап келген еді, "
    "көбі ашылу салтанатына балаларымен келді.",
    "16 аласа еденді вагон Қазақстанда, Екібастұздағы зауытта құрастырылды.",
    "Алатау ауданына баратын екінші желі 2028 жылы салынады деп хабарлады әкімдік.",
]
# Another outlet on the same opening: the same mayor, stations, cost and year, other text.
TRAM_OTHER_RU = [
    "Трамвай вернулся в Алматы: что нужно знать пассажирам",
    "В южной столице снова ходит трамвай. Церемонию открытия провёл аким Ерболат Досаев.",
    "Первый вагон отправился от Сайрана в 10 утра, в салоне были ветераны трамвайного депо, "
    "закрытого в 2015 году.",
    "Строительство обошлось в 48 миллиардов тенге; часть денег выделил республиканский бюджет.",
    "Пассажиры жаловались в соцсетях на очереди у терминалов оплаты в первый день.",
    "Эксперты считают, что трамвай разгрузит улицу Толе би, где в час пик стоят пробки.",
    "Городские власти обещают, что к лету у вокзала Алматы-2 откроют перехватывающую парковку.",
]

FESTIVAL_EN = [
    "Astana film festival shows 64 films from 21 countries",
    "The fifth Eurasia Film Festival opened in Astana on Thursday with a programme of 64 films "
    "from 21 countries.",
    "Its jury is chaired by the director Ermek Tursunov, whose film Kelin was shortlisted for "
    "the Oscar in 2010.",
    "Screenings take place in four cinemas, and tickets for most of them are free.",
    "The Georgian director Nana Ekvtimishvili will present her new film on Saturday.",
    "Critics praised the choice of debut films, which make up a third of the programme.",
    "The winners will be announced on 14 September at the Astana Opera.",
]
FESTIVAL_RU = [
    "На кинофестивале в Астане покажут 64 фильма из 21 страны",
    "Пятый кинофестиваль «Евразия» открылся в Астане в четверг: в программе 64 фильма из 21 "
    "страны.",
    "Жюри возглавил режиссёр Ермек Турсунов, чей фильм «Келин» в 2010 году вошёл в шорт-лист "
    "«Оскара».",
    "Показы проходят в четырёх кинотеатрах, и билеты на большинство из них бесплатные.",
    "Грузинский режиссёр Нана Эквтимишвили представит свой новый фильм в субботу.",
    "Критики похвалили подбор дебютных фильмов, которые составляют треть программы.",
    "Победителей объявят 14 сентября в «Астана Опера».",
]
FESTIVAL_OTHER_RU = [
    "«Евразия» открылась: главные фильмы фестиваля",
    "Кинофестиваль «Евразия» в этом году проходит в Астане уже в пятый раз.",
    "Председатель жюри Ермек Турсунов рассказал журналистам, что смотрит по пять фильмов в день.",
    "Больше всего картин привезли из Турции и Ирана, а из Казахстана в конкурсе 6 работ.",
    "Открытие прошло на площади у «Астана Опера», где собрались несколько тысяч зрителей.",
    "Фестиваль продлится до 14 сентября.",
]

HARVEST_EN = [
    "Kostanay farmers gather 5.2 million tonnes of wheat",
    "Farmers in the Kostanay region have harvested 5.2 million tonnes of wheat, 18 percent more "
    "than last year, the regional agriculture department said.",
    "The average yield reached 14.6 centners per hectare on 4 million hectares.",
    "Rain in August delayed the work in the north of the region by about two weeks.",
    "Grain elevators in Rudny and Lisakovsk are already full, and farmers store the rest in "
    "temporary warehouses.",
    "Minister Aidarbek Saparov said exports of Kazakh wheat could exceed 10 million tonnes.",
]
HARVEST_KK = [
    "Қостанай диқандары 5,2 миллион тонна бидай жинады",
    "Қостанай облысының диқандары 5,2 миллион тонна бидай жинады, бұл өткен жылғыдан 18 пайызға "
    "көп, деп хабарлады облыстық ауыл шаруашылығы басқармасы.",
    "Орташа өнімділік 4 миллион гектарда гектарына 14,6 центнерге жетті.",
    "Тамыздағы жаңбыр облыстың солтүстігіндегі жұмысты шамамен екі аптаға кешіктірді.",
    "Рудный мен Лисаковскідегі астық қоймалары толып қалды, диқандар қалған астықты уақытша "
    "қоймаларда сақтап отыр.",
    "Министр Айдарбек Сапаров қазақстандық бидай экспорты 10 миллион тоннадан асуы мүмкін екенін "
    "айтты.",
]
HARVEST_OTHER_KK = [
    "Астық науқаны: Қостанайда егін орағы аяқталуға жақын",
    "Облыста егін орағы жалғасып жатыр, диқандар ауа райына алаңдаулы.",
    "Министр Айдарбек Сапаров өңірге сапарында астық сақтау мәселесін көтерді.",
    "Рудный маңындағы шаруа қожалығы биыл 3 мың гектарға бидай еккен.",
    "Диқандардың айтуынша, жанармай бағасы өткен жылмен салыстырғанда қымбаттаған.",
    "Облыс әкімдігі жыл соңына дейін жаңа элеватор салуды жоспарлап отыр.",
]

CREDITS = {"ru": "Фото: пресс-служба акимата", "kk": "Сурет: әкімдіктің баспасөз қызметі"}


@dataclass(frozen=True)
class Case:
    """A source (title first, then paragraphs), a page, and the right pairs (source -> page)."""

    name: str
    source_lang: str
    target_lang: str
    source: list[str]
    target: list[str]
    truth: dict[int, int]  # source index -> target index, for the units a page renders 1-1
    is_translation: bool


def variants(name: str, src: list[str], tgt: list[str], lang: str) -> list[Case]:
    """The edition as it is, and the shapes real editions take."""
    n = len(src)
    same = {k: k for k in range(n)}
    cases = [Case(f"{name}/whole", "en", lang, src, tgt, same, True)]
    # A paragraph dropped from the edition.
    drop = 3
    dropped = tgt[:drop] + tgt[drop + 1 :]
    truth = {k: (k if k < drop else k - 1) for k in range(n) if k != drop}
    cases.append(Case(f"{name}/dropped", "en", lang, src, dropped, truth, True))
    # One paragraph split in two at its comma: that pair is no longer 1-1.
    cut = next(k for k in range(2, n) if ", " in tgt[k])
    head, _, tail = tgt[cut].partition(", ")
    split = [*tgt[:cut], head + ".", tail[:1].upper() + tail[1:], *tgt[cut + 1:]]
    truth = {k: (k if k < cut else k + 1) for k in range(n) if k != cut}
    cases.append(Case(f"{name}/split", "en", lang, src, split, truth, True))
    # Two paragraphs merged into one.
    merged = [*tgt[:4], tgt[4] + " " + tgt[5], *tgt[6:]]
    truth = {k: (k if k < 4 else k - 1) for k in range(n) if k not in (4, 5)}
    cases.append(Case(f"{name}/merged", "en", lang, src, merged, truth, True))
    # A photo credit left in the text after the lead.
    credit = [*tgt[:2], CREDITS.get(lang, "Photo: press service"), *tgt[2:]]
    truth = {k: (k if k < 2 else k + 1) for k in range(n)}
    cases.append(Case(f"{name}/credit", "en", lang, src, credit, truth, True))
    return cases


def translation_cases() -> list[Case]:
    return [
        *variants("tram-ru", TRAM_EN, TRAM_RU, "ru"),
        *variants("tram-kk", TRAM_EN, TRAM_KK, "kk"),
        *variants("festival-ru", FESTIVAL_EN, FESTIVAL_RU, "ru"),
        *variants("harvest-kk", HARVEST_EN, HARVEST_KK, "kk"),
    ]


def other_outlet_cases() -> list[Case]:
    """Same event, independent text: no pair is right."""
    return [
        Case("tram/other-outlet", "en", "ru", TRAM_EN, TRAM_OTHER_RU, {}, False),
        Case("festival/other-outlet", "en", "ru", FESTIVAL_EN, FESTIVAL_OTHER_RU, {}, False),
        Case("harvest/other-outlet", "en", "kk", HARVEST_EN, HARVEST_OTHER_KK, {}, False),
        # The other outlet trimmed to the article's number of units.
        Case("tram/other-trimmed", "en", "ru", TRAM_EN, TRAM_OTHER_RU[: len(TRAM_EN)], {}, False),
        # The same outlet's stories on other events.
        Case("tram/festival", "en", "ru", TRAM_EN, FESTIVAL_RU, {}, False),
        Case("harvest/tram", "en", "kk", HARVEST_EN, TRAM_KK[: len(HARVEST_EN)], {}, False),
    ]


# Real excerpts of ../shared/corpus/news on one topic from different outlets (read in place by
# the test and the script): (name, source file, its language, page file, its language).
CORPUS_PAIRS = [
    ("aimanov", "en-inform-shaken-aimanov-festival.txt", "en",
     "kk-kazgazeta-aqiqat-otandyq-kino.txt", "kk"),
    ("olympics", "ru-kt-olympics-2026.txt", "ru", "kk-aikyn-olympic-champions.txt", "kk"),
    ("cinema", "ru-informburo-kara-kyz-kino-decade.txt", "ru",
     "kk-osken-onir-kino-law.txt", "kk"),
    ("city-days", "en-astanatimes-astana-day-2023.txt", "en",
     "ru-kursiv-almaty-economy.txt", "ru"),
]  # fmt: skip


def paragraphs(text: str) -> list[str]:
    """A corpus excerpt as units: its non-empty lines (the first one standing as the title)."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@dataclass
class Outcome:
    case: Case
    verdict: str
    certain_right: int = 0  # pairs written as translations, and right
    certain_wrong: list[tuple[str, str]] = field(default_factory=list)  # ... and wrong
    drafts: int = 0  # pairs written as fuzzy drafts
    drafts_right: int = 0


def segments(units: list[str]) -> list[Segment]:
    return [Segment(text, TITLE if k == 0 else PARAGRAPH, k + 1) for k, text in enumerate(units)]


def evaluate(case: Case) -> Outcome:
    """Align the case as `import --translation-of` does and score its pairs against the truth."""
    source, target = segments(case.source), segments(case.target)
    pairing = pair_units(source, target, None, (case.source_lang, case.target_lang))
    outcome = Outcome(case, pairing.verdict.kind)
    index_of = {seg.text: k for k, seg in enumerate(source)}
    for pair in pairing.pairs:
        k = index_of[pair.source.text]
        right = k in case.truth and pair.target == case.target[case.truth[k]]
        if pair.certain and pairing.verdict.is_translation:
            if right:
                outcome.certain_right += 1
            else:
                outcome.certain_wrong.append((pair.source.text, pair.target))
        else:
            outcome.drafts += 1
            outcome.drafts_right += right
    return outcome


@dataclass
class Totals:
    certain_right: int = 0
    certain_wrong: int = 0
    true_pairs: int = 0  # right 1-1 pairs there were to find, over the translations
    translations_refused: int = 0
    non_translations_accepted: int = 0
    non_translation_reviewed: int = 0  # reviewed units written from non-translations

    @property
    def precision(self) -> float:
        written = self.certain_right + self.certain_wrong
        return self.certain_right / written if written else 1.0

    @property
    def recall(self) -> float:
        return self.certain_right / self.true_pairs if self.true_pairs else 0.0


def totals(outcomes: list[Outcome]) -> Totals:
    result = Totals()
    for o in outcomes:
        if o.case.is_translation:
            result.true_pairs += len(o.case.truth)
            result.certain_right += o.certain_right
            result.certain_wrong += len(o.certain_wrong)
            result.translations_refused += o.verdict != "translation"
        else:
            result.non_translations_accepted += o.verdict == "translation"
            result.non_translation_reviewed += o.certain_right + len(o.certain_wrong)
    return result


# The share of right 1-1 pairs written as finished translations on the built cases; measured
# 0.78. A pair without numbers or names is never certain, so 1.0 is out of reach by design.
RECALL_FLOOR = 0.7


def corpus_cases(shared: Path) -> list[Case]:
    """The real same-topic pairs of ../shared/corpus/news, read in place (none when absent)."""
    folder = shared / "corpus" / "news"
    if not folder.is_dir():
        return []
    return [
        Case(
            f"corpus/{name}", src_lang, tgt_lang,
            paragraphs((folder / src).read_text("utf-8")),
            paragraphs((folder / tgt).read_text("utf-8")),
            {}, False,
        )
        for name, src, src_lang, tgt, tgt_lang in CORPUS_PAIRS
    ]  # fmt: skip
