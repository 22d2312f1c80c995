// French and Québec common passwords, maintained by hand (the upstream list is English-heavy).
// Entries are lower case and without accents: the lookup lower-cases the password and also tries
// it with accents removed, so « Montréal » and « ÉTÉ2024 » are caught by « montreal » and « ete2024 ».

/** Words people in Québec use as passwords, as they are. */
const WORDS: readonly string[] = [
  // everyday French
  'motdepasse', 'mot de passe', 'mdp', 'bonjour', 'bonsoir', 'salut', 'coucou', 'bienvenue', 'merci',
  'secret', 'soleil', 'amour', 'jetaime', "je t'aime", 'jetadore', 'chocolat', 'princesse', 'doudou',
  'loulou', 'chouchou', 'cheval', 'chaton', 'chien', 'poisson', 'papillon', 'bebe', 'famille', 'maison',
  'vacances', 'liberte', 'nouveau', 'nouveau1', 'changeme', 'changemoi', 'changez-moi', 'modifier',
  'utilisateur', 'administrateur', 'admin', 'test', 'essai', 'temporaire', 'motdepassetemporaire',
  // keyboards (AZERTY and Canadian multilingual)
  'azerty', 'azertyui', 'azertyuiop', 'azer', 'qsdf', 'qsdfgh', 'qsdfghjklm', 'wxcv', 'wxcvbn',
  'aqwzsx', 'azer1234', '1234azer', 'azerty1234', 'qwerty', 'asdfghjkl',
  // Québec
  'quebec', 'quebecois', 'quebecoise', 'jemesouviens', 'fleurdelys', 'fleurdelise', 'belleprovince',
  'montreal', 'laval', 'longueuil', 'gatineau', 'sherbrooke', 'saguenay', 'chicoutimi', 'rimouski',
  'trois-rivieres', 'troisrivieres', 'levis', 'granby', 'drummondville', 'saint-jean', 'brossard',
  'sept-iles', 'septiles', 'baie-comeau', 'cote-nord', 'gaspesie', 'abitibi', 'outaouais',
  'monteregie', 'estrie', 'mauricie', 'charlevoix', 'lac-saint-jean',
  'canadien', 'canadiens', 'habs', 'gohabsgo', 'go habs go', 'nordiques', 'expos', 'alouettes',
  'hockey', 'tabarnak', 'tabarnac', 'tabarouette', 'calisse', 'caline', 'criss', 'ostie', 'hostie',
  'poutine', 'tourtiere', 'sirop', 'erable', 'siropderable', 'cabaneasucre', 'tuque', 'caribou',
  'depanneur', 'tim hortons', 'timhortons', 'stjean', 'saint-jean-baptiste',
  // the institutions and the product
  'cegep', 'cegepsi', 'cegepdeseptiles', 'college', 'etudiant', 'enseignant', 'professeur',
  'cisss', 'cisssmo', 'ciusss', 'hopital', 'infirmiere', 'sante', 'santequebec', 'drim',
  'octopus', 'guichet', 'portail', 'centredeservices', 'support', 'supportti', 'informatique',
  // common Québec surnames and first names
  'tremblay', 'gagnon', 'roy', 'cote', 'bouchard', 'gauthier', 'morin', 'lavoie', 'fortin', 'gagne',
  'ouellet', 'pelletier', 'belanger', 'levesque', 'bergeron', 'leblanc', 'paquette', 'girard',
  'simard', 'boucher', 'caron', 'beaulieu', 'cloutier', 'dube', 'poirier', 'fournier', 'lapointe',
  'genevieve', 'isabelle', 'stephanie', 'melanie', 'valerie', 'catherine', 'sylvie', 'nathalie',
  'martine', 'josee', 'chantal', 'francois', 'sebastien', 'mathieu', 'alexandre', 'gabriel',
  'jean-francois', 'marie-eve', 'marie-claude', 'pierre-luc', 'jean-philippe', 'frederic',
];

/** Words that also appear followed by a number or a year (soleil1, quebec2024…). */
const STEMS: readonly string[] = [
  'motdepasse', 'bonjour', 'salut', 'bienvenue', 'soleil', 'amour', 'jetaime', 'chocolat', 'secret',
  'azerty', 'quebec', 'montreal', 'canadiens', 'habs', 'nordiques', 'hockey', 'cegep', 'monteregie',
  'septiles', 'sept-iles', 'cisss', 'octopus', 'guichet', 'admin', 'test', 'nouveau', 'changemoi',
];

/** Seasons and months: « Hiver2024 », « automne23 », « janvier2025! » are classic rotated passwords. */
const CALENDAR_WORDS: readonly string[] = [
  'hiver', 'printemps', 'ete', 'automne',
  'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre',
  'novembre', 'decembre',
];

const NUMBER_SUFFIXES: readonly string[] = ['1', '12', '123', '1234', '12345', '!', '1!', '123!', '01', '00', '69', '99'];
const FIRST_YEAR = 1990;
const LAST_YEAR = 2039;

function years(): string[] {
  const result: string[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) result.push(String(year));
  return result;
}

function withSuffixes(stem: string, suffixes: readonly string[]): string[] {
  return suffixes.map((suffix) => `${stem}${suffix}`);
}

/** Every French/Québec entry: the words, stems with numbers and years, seasons and months with years. */
export function quebecCommonPasswords(): string[] {
  const fullYears = years();
  const yearSuffixes = fullYears.flatMap((y) => [y, y.slice(2), `${y}!`, `@${y}`]);
  return [
    ...WORDS,
    ...STEMS.flatMap((stem) => withSuffixes(stem, [...NUMBER_SUFFIXES, ...fullYears])),
    ...CALENDAR_WORDS.flatMap((word) => withSuffixes(word, yearSuffixes)),
  ];
}
