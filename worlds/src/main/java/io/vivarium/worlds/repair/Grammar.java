package io.vivarium.worlds.repair;

import java.util.SplittableRandom;

/**
 * The word lists and sentence templates of the {@link GeneratedCorpus}; written for this
 * project. Slots in braces are filled by {@link #fill}.
 *
 * <p>Stateless and thread-safe.
 */
final class Grammar {
  private Grammar() {}

  static final String[] TEMPLATES = {
    "the {A} {N} {V} the {N} {Adv}.",
    "in {year}, {P} {V} a {A} {N} near {Pl}.",
    "{P} said that the {N} was {A}, but the {N} was {A}.",
    "about {num} {Ns} {Vi} in {Pl} last {season}.",
    "why did the {N} {Vb} the {N}?",
    "\"{A} {Ns} never {Vb} anything,\" {P} wrote.",
    "we measured {dec} {unit} of {N} on day {small}.",
    "every {N} needs a {N}; every {N} needs a {A} {N}.",
    "{P} and {P} {V} the {N} of {Pl} ({year}).",
    "it {Vi} {Adv}: {num} {Ns}, {small} {Ns} and one {N}.",
    "some {Ns} are {A}, others are {A}, and a few are simply {A}.",
    "after {small} {time}, the {N} {Vi} again.",
    "if the {N} is {A}, then the {N} must be {A}.",
    "nobody knew why {P} kept {small} {Ns} in the {N}.",
    "{P}'s {N} {Vi} at {hour}:{minute}.",
    "is the {N} {A} or {A}?",
    "around {pct}% of the {Ns} {Vi} {Adv}.",
    "the report from {Pl} lists {num} {Ns} and {small} {A} {Ns}.",
    "a {A} {N} is not the same thing as a {A} {N}.",
    "{P} {Adv} {V} the {N}, and the {N} {Vi}.",
    "there were {small} {Ns} on the {N}, each one {A}.",
    "the {N} weighed {dec} {unit} and cost {num} coins.",
    "{P} asked, \"Where is the {A} {N}?\"",
    "on {day}, {P} {V} every {N} in {Pl}.",
    "the {Ns} {Vi}; the {Ns} did not.",
    "without a {N}, the {N} {Vi} within {small} {time}.",
  };

  private static final String[] NOUNS = {
    "lantern|lanterns", "river|rivers", "garden|gardens", "engine|engines", "letter|letters",
    "window|windows", "harbor|harbors", "teacher|teachers", "basket|baskets", "mirror|mirrors",
    "signal|signals", "kettle|kettles", "ladder|ladders", "map|maps", "orchard|orchards",
    "pencil|pencils", "question|questions", "rumor|rumors", "station|stations", "tower|towers",
    "valley|valleys", "wagon|wagons", "whistle|whistles", "anchor|anchors", "bridge|bridges",
    "candle|candles", "doctor|doctors", "fountain|fountains", "glacier|glaciers",
    "island|islands", "jacket|jackets", "library|libraries", "machine|machines",
    "notebook|notebooks", "owl|owls", "painter|painters", "quarry|quarries", "robot|robots",
    "sailor|sailors", "tunnel|tunnels", "umbrella|umbrellas", "village|villages",
    "weaver|weavers", "yard|yards", "clock|clocks", "farmer|farmers", "story|stories",
    "melody|melodies", "signal box|signal boxes", "compass|compasses", "theory|theories",
    "market|markets", "kitchen|kitchens", "problem|problems", "answer|answers",
    "memory|memories", "pattern|patterns", "message|messages", "student|students",
  };

  private static final String[] ADJECTIVES = {
    "quiet", "bright", "narrow", "heavy", "curious", "ancient", "careful", "hollow", "gentle",
    "stubborn", "silver", "crooked", "patient", "restless", "golden", "honest", "empty",
    "famous", "fragile", "green", "hidden", "awkward", "useful", "strange", "tiny", "enormous",
    "wooden", "clever", "distant", "noisy", "simple", "complicated", "warm", "frozen",
    "ordinary", "invisible", "broken", "elegant", "early", "late",
  };

  private static final String[] VERBS = {
    "carry|carried", "build|built", "paint|painted", "find|found", "repair|repaired",
    "borrow|borrowed", "follow|followed", "describe|described", "measure|measured",
    "open|opened", "polish|polished", "count|counted", "draw|drew", "lose|lost",
    "study|studied", "sell|sold", "remember|remembered", "visit|visited", "hide|hid",
    "explain|explained", "move|moved", "catch|caught", "question|questioned",
    "improve|improved", "forget|forgot", "answer|answered", "watch|watched", "ignore|ignored",
  };

  private static final String[] INTRANSITIVE = {
    "waited", "vanished", "arrived", "collapsed", "laughed", "slept", "wandered", "returned",
    "trembled", "sang", "froze", "grew", "failed", "improved", "hesitated", "disappeared",
    "glowed", "survived", "rested", "spun",
  };

  private static final String[] ADVERBS = {
    "slowly", "quickly", "quietly", "carefully", "suddenly", "rarely", "twice", "gladly",
    "nervously", "politely", "eventually", "happily", "badly", "boldly", "barely", "loudly",
  };

  private static final String[] PEOPLE = {
    "Ada", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas",
    "Keiko", "Lars", "Mona", "Nikolai", "Olga", "Pablo", "Quentin", "Rosa", "Sven", "Tamsin",
    "Ulla", "Viktor", "Wanda", "Yusuf", "Zora", "Professor Hale", "Captain Ortiz", "Dr. Imre",
  };

  private static final String[] PLACES = {
    "Northwick", "Lake Orrin", "Port Selby", "the Amber Hills", "Cordova Street", "Fenmoor",
    "Old Harwick", "the Grey Coast", "Lindenfeld", "Mount Ashby", "Rivergate", "Stonebridge",
    "the Eastern Quarter", "Valmora", "Kestrel Bay", "New Tollington",
  };

  private static final String[] UNITS = {"kilograms", "grams", "liters", "meters", "miles", "tons"};
  private static final String[] TIMES = {"minutes", "hours", "days", "weeks", "months", "years"};
  private static final String[] SEASONS = {"spring", "summer", "autumn", "winter"};
  private static final String[] DAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  };

  /** A random filler for the slot named {@code slot}. */
  static String fill(String slot, SplittableRandom rng) {
    return switch (slot) {
      case "N" -> pick(NOUNS, rng).split("\\|")[0];
      case "Ns" -> pick(NOUNS, rng).split("\\|")[1];
      case "A" -> pick(ADJECTIVES, rng);
      case "V" -> pick(VERBS, rng).split("\\|")[1];
      case "Vb" -> pick(VERBS, rng).split("\\|")[0];
      case "Vi" -> pick(INTRANSITIVE, rng);
      case "Adv" -> pick(ADVERBS, rng);
      case "P" -> pick(PEOPLE, rng);
      case "Pl" -> pick(PLACES, rng);
      case "unit" -> pick(UNITS, rng);
      case "time" -> pick(TIMES, rng);
      case "season" -> pick(SEASONS, rng);
      case "day" -> pick(DAYS, rng);
      case "num" -> Integer.toString(12 + rng.nextInt(4988));
      case "small" -> Integer.toString(2 + rng.nextInt(11));
      case "year" -> Integer.toString(1850 + rng.nextInt(181));
      case "dec" -> (1 + rng.nextInt(99)) + "." + rng.nextInt(10);
      case "pct" -> Integer.toString(5 + rng.nextInt(91));
      case "hour" -> Integer.toString(1 + rng.nextInt(12));
      case "minute" -> String.format(java.util.Locale.ROOT, "%02d", rng.nextInt(60));
      default -> throw new IllegalStateException("unknown grammar slot {" + slot + "}");
    };
  }

  private static String pick(String[] words, SplittableRandom rng) {
    return words[rng.nextInt(words.length)];
  }
}
