// Web-page boilerplate for the noisy evaluation (`npm run eval -- --noisy`): wraps an
// article's text in what a copy out of a browser carries around it -- a site and date
// line, navigation, breadcrumbs, a byline, a dateline, a photo caption with a credit,
// "Read more" lines, an advertisement marker and a related-links list between the
// paragraphs, and at the end a run-together tag line, the author's name, title and bio,
// a share line, a newsletter promotion, a copyright line and a cookie notice.
//
//   import { addBoilerplate } from './boilerplate-templates.mjs';
//   const { text, inserted } = addBoilerplate(article, 'cnn-test-23a0...', 'en');
//
// The choice of templates, names, dates and insertion points is deterministic per
// document: a PRNG seeded by a hash of its id. The article's own text is kept: lines
// are only added before it, after it and between its paragraphs (in a text without
// line breaks, between two of its sentences, where the space becomes a line break).
// `inserted` lists every added line with its kind, for counting the summaries that
// picked one up.
//
// Every name, site, agency, headline and bio below is invented. Templates exist for
// English ("en") and Russian ("ru"); any other language gets the English ones.

/** 32-bit FNV-1a of a string (its UTF-16 code units). */
function hash(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; ++i) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: a small, well-mixed PRNG; returns () => [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = {
  sites: ['The Morning Ledger', 'Northgate Herald', 'Riverside Chronicle', 'The Daily Lantern', 'Coastline Post', 'Eastfield Gazette', 'The Harbour Times', 'Midvale Courier'],
  domains: ['morningledger', 'northgateherald', 'riversidechronicle', 'dailylantern', 'coastlinepost', 'eastfieldgazette', 'harbourtimes', 'midvalecourier'],
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  siteLines: [
    '{SITE} | {WEEKDAY}, {MONTH} {D}, {YEAR}',
    '{SITE_UPPER}  {WEEKDAY} {D} {MONTH} {YEAR}  Today’s paper',
    '{SITE} logo {YEAR}-{MM}-{DD}',
    'Menu  {SITE}  Search  Sign in',
  ],
  navs: [
    'News | World | Business | Politics | Sport | Culture | Opinion',
    'Home  UK  World  Money  Science  Travel  Puzzles',
    'Latest | Local | National | Tech | Health | Weather',
    'Skip to main content',
  ],
  crumbs: ['Home › News › World', 'Home / Business / Markets', 'News > Politics', 'Home › Local › Community', 'Sections / Science & Health'],
  names: ['Marta Kessler', 'Jonah Whitcombe', 'Aisha Delacroix', 'Tomasz Brennan', 'Leila Farrow', 'Owen Castellan', 'Priya Halvorsen', 'Daniel Okonjo', 'Sofia Lindqvist', 'Rupert Ashdown'],
  pronouns: { 'Marta Kessler': 'She', 'Jonah Whitcombe': 'He', 'Aisha Delacroix': 'She', 'Tomasz Brennan': 'He', 'Leila Farrow': 'She', 'Owen Castellan': 'He', 'Priya Halvorsen': 'She', 'Daniel Okonjo': 'He', 'Sofia Lindqvist': 'She', 'Rupert Ashdown': 'He' },
  roles: ['Senior Reporter', 'Business Correspondent', 'Political Editor', 'Staff Writer', 'News Editor', 'Science Correspondent'],
  bylines: ['By {NAME}', 'By {NAME}, {ROLE}', '{NAME} | {ROLE}', 'by {NAME}'],
  datelines: [
    'Published {D} {MONTH} {YEAR}, {HH}:{MIN} GMT',
    'Updated {MONTH} {D}, {YEAR} at {H}:{MIN} p.m. ET',
    'Last modified on {WEEKDAY} {D} {MONTH} {YEAR} {HH}.{MIN} BST',
    '{MONTH} {D}, {YEAR} · 5 min read',
  ],
  photographers: ['Alina Sorensen', 'Mateo Grieve', 'Hannah Oduya', 'Viktor Lasko', 'Ellis Prentice'],
  agencies: ['Northlight Images', 'Meridian Press Photo', 'Harbourline Pictures', 'Eastgate Photo Agency'],
  captions: [
    'A general view of the city centre on a busy weekday morning.',
    'People walk past the entrance of the building on Monday.',
    'Officials arrive for a meeting at the regional headquarters.',
    'Traffic moves slowly along a main road during the evening rush hour.',
    'Visitors gather outside the main hall ahead of the announcement.',
    '',
  ],
  credits: ['(Photo by {PHOTOG}/{AGENCY} via Getty Images)', '({PHOTOG}/{AGENCY} via Getty Images)', 'Photograph: {PHOTOG}/{AGENCY}', 'Image: {AGENCY}'],
  readMoreLabels: ['Read more: ', 'READ MORE: ', 'Related: ', 'See also: '],
  headlines: [
    'Council approves new cycle lanes after a long debate',
    'Why are house prices still rising in small towns?',
    'Five things to know before the budget',
    'Storm warnings issued for the weekend',
    'Local bakery celebrates 100 years of trading',
    'What do the new rules mean for renters?',
    'Train operator apologises for a week of delays',
    'How a village saved its last shop',
  ],
  ads: ['Advertisement', 'ADVERTISEMENT', 'Story continues below advertisement', 'Sponsored content'],
  relatedHeadings: ['Related stories', 'More on this story', 'You may also like'],
  tags: ['World', 'Politics', 'Economy', 'Europe', 'Business', 'Health', 'Science', 'Technology', 'Society', 'Local news'],
  beats: ['politics and public policy', 'business and the economy', 'science and health', 'local government and transport'],
  universities: ['Westbrook University', 'the University of Aldermoor', 'Kingsbridge College'],
  bios: [
    ['{NAME} is a {role} at {SITE}.', '{PRONOUN} previously worked as a reporter for a regional newspaper and has covered {BEAT} for more than {N} years.', '{PRONOUN} holds a degree in journalism from {UNIVERSITY}.'],
    ['{NAME} covers {BEAT} for {SITE}.', 'Before joining the paper in {YEAR2}, {pronoun} was an editor at a news agency.', 'Follow {object} on X at @{HANDLE}.'],
    ['{NAME} is {SITE}’s {role}.', '{PRONOUN} has written about {BEAT} since {YEAR2}.'],
  ],
  shares: ['Share this article: Facebook Twitter WhatsApp Email', 'Share  Tweet  Pin  Email', 'Share on Facebook | Share on X | Copy link'],
  newsletters: [
    ['Sign up for our daily newsletter to get the latest news.', 'Enter your email address', 'Sign up'],
    ['Get the best of {SITE} delivered to your inbox every morning.', 'Subscribe'],
    ['Enjoyed this story? Subscribe to our weekly briefing for more analysis like this.', 'Your email', 'Subscribe now'],
  ],
  copyrights: [
    '© {YEAR} {SITE}. All rights reserved.',
    'Copyright © {YEAR} {SITE} Media Ltd. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
    '© {SITE} {YEAR}',
  ],
  cookies: [
    'We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.',
    'This website uses cookies to ensure you get the best experience on our website. Learn more',
    'We and our partners use cookies to personalise content and ads. You can change your preferences at any time.',
  ],
};

const RU = {
  sites: ['Северный вестник', 'Научное обозрение', 'Агровестник онлайн', 'Природа и поле', 'Сибирский журнал науки'],
  domains: ['severvestnik', 'naukaobzor', 'agrovestnik', 'prirodapole', 'sibnauka'],
  weekdays: ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'],
  months: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  siteLines: ['{SITE} | {D} {MONTH} {YEAR}', '{SITE_UPPER}  {WEEKDAY}, {D} {MONTH} {YEAR}', 'Меню  {SITE}  Поиск  Войти'],
  navs: ['Главная | Новости | Наука | Агрономия | Экология | Архив', 'Главная  Статьи  Авторы  Подписка  Контакты', 'Перейти к основному содержанию'],
  crumbs: ['Главная › Статьи › Агрономия', 'Главная / Наука / Исследования', 'Журнал > Выпуски > Статьи'],
  names: ['Ирина Ветрова', 'Павел Сомов', 'Елена Гарина', 'Артём Луговой', 'Наталья Бережная', 'Глеб Рощин'],
  pronouns: { 'Ирина Ветрова': 'Она', 'Павел Сомов': 'Он', 'Елена Гарина': 'Она', 'Артём Луговой': 'Он', 'Наталья Бережная': 'Она', 'Глеб Рощин': 'Он' },
  roles: ['научный обозреватель', 'редактор отдела науки', 'корреспондент'],
  bylines: ['Автор: {NAME}', '{NAME}, {role}', 'Текст: {NAME}'],
  datelines: ['Опубликовано: {DD}.{MM}.{YEAR}, {HH}:{MIN}', 'Обновлено {D} {MONTH} {YEAR} в {HH}:{MIN}', '{DD}.{MM}.{YEAR} · 7 мин. чтения'],
  photographers: ['Олег Ракитин', 'Мария Светлова', 'Денис Коржов'],
  agencies: ['Фотоагентство «Полюс»', 'Северное фотобюро', 'Фотоархив редакции'],
  captions: ['Общий вид опытного участка в начале сезона.', 'Сотрудники лаборатории за работой.', 'Поле после уборки урожая.', ''],
  credits: ['(Фото: {PHOTOG}/{AGENCY})', 'Фото: {AGENCY}', '({PHOTOG}/{AGENCY})'],
  readMoreLabels: ['Читайте также: ', 'Смотрите также: ', 'По теме: '],
  headlines: [
    'Учёные назвали лучшие сроки посева яровой пшеницы',
    'Как изменится климат в регионе к середине века?',
    'В области открыли новую агрохимическую лабораторию',
    'Почему дорожают минеральные удобрения?',
    'Молодые исследователи получили гранты на полевые опыты',
  ],
  ads: ['Реклама', 'РЕКЛАМА', 'Продолжение после рекламы'],
  relatedHeadings: ['Материалы по теме', 'Читайте также', 'Популярное'],
  tags: ['Наука', 'Агрономия', 'Почвы', 'Экология', 'Исследования', 'Сельское хозяйство', 'Регионы'],
  beats: ['сельском хозяйстве и экологии', 'науке и образовании', 'биологии и медицине'],
  universities: ['Северного аграрного университета', 'Приморского университета', 'Волжского института'],
  bios: [
    ['{NAME} — {role} издания «{SITE}».', 'Пишет о {BEAT} более {N} лет.', 'Окончил{A} факультет журналистики {UNIVERSITY}.'],
    ['{NAME} работает в редакции с {YEAR2} года.', 'Ранее работал{A} редактором в информационном агентстве.', 'Пишет о {BEAT}.'],
  ],
  shares: ['Поделиться: ВКонтакте Telegram WhatsApp', 'Поделиться  Отправить  Скопировать ссылку'],
  newsletters: [
    ['Подпишитесь на нашу рассылку, чтобы получать новые статьи первыми.', 'Ваш e-mail', 'Подписаться'],
    ['Самые важные новости науки раз в неделю в вашей почте.', 'Подписаться'],
  ],
  copyrights: ['© {YEAR} {SITE}. Все права защищены.', '© {SITE}, {YEAR}. Перепечатка материалов возможна только со ссылкой на источник.'],
  cookies: [
    'Мы используем файлы cookie, чтобы сделать сайт удобнее. Продолжая пользоваться сайтом, вы соглашаетесь с их использованием.',
    'Сайт использует файлы cookie. Подробнее',
  ],
};

export const TEMPLATES = { en: EN, ru: RU };

// A line that ends a paragraph or a sentence: terminal punctuation, maybe a closing quote.
const ENDS_SENTENCE = /[.!?…]["'”’»)]*\s*$/u;
const STARTS_SENTENCE = /^\s*["'“‘«(]*[\p{Lu}\p{N}]/u;

/**
 * Wraps `text` in web-page boilerplate chosen by the id `id` (any string), in the
 * templates of `lang` ("ru", or anything else for English).
 * Returns {text, inserted: [{kind, text}]}: the new text and every line added.
 */
export function addBoilerplate(text, id, lang = 'en') {
  const T = TEMPLATES[lang] ?? EN;
  const random = prng(hash(String(id)));
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const chance = (p) => random() < p;
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pad = (x) => String(x).padStart(2, '0');
  const shuffle = (xs) => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; --i) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };

  const k = Math.floor(random() * T.sites.length);
  const site = T.sites[k];
  const name = pick(T.names);
  const pronoun = T.pronouns[name];
  const role = pick(T.roles);
  const date = { year: int(2019, 2025), month: int(0, 11), day: int(1, 28), weekday: int(0, 6), hour: int(6, 22), minute: int(0, 59) };
  const vars = {
    SITE: site, SITE_UPPER: site.toUpperCase(), NAME: name, ROLE: role, role: role.toLowerCase(),
    PRONOUN: pronoun, pronoun: pronoun.toLowerCase(), object: pronoun === 'She' ? 'her' : 'him', A: pronoun === 'Она' ? 'а' : '',
    WEEKDAY: T.weekdays[date.weekday], MONTH: T.months[date.month], D: date.day, DD: pad(date.day), MM: pad(date.month + 1),
    YEAR: date.year, YEAR2: date.year - int(2, 12), HH: pad(date.hour), H: ((date.hour + 11) % 12) + 1, MIN: pad(date.minute),
    PHOTOG: pick(T.photographers), AGENCY: pick(T.agencies), BEAT: pick(T.beats), N: int(5, 20),
    UNIVERSITY: pick(T.universities), HANDLE: `${name.split(' ')[0].toLowerCase()}_${T.domains[k]}`,
  };
  const fill = (s) => s.replace(/\{(\w+)\}/g, (m, v) => (v in vars ? String(vars[v]) : m));

  const inserted = [];
  const add = (kind, line) => {
    inserted.push({ kind, text: line });
    return line;
  };

  // Top of the page.
  const top = [];
  top.push(add('site line', fill(pick(T.siteLines))));
  if (chance(0.7)) top.push(add('navigation', pick(T.navs)));
  if (chance(0.6)) top.push(add('breadcrumbs', pick(T.crumbs)));
  top.push(add('byline', fill(pick(T.bylines))));
  top.push(add('dateline', fill(pick(T.datelines))));
  const caption = fill(pick(T.captions));
  const credit = fill(pick(T.credits));
  if (caption && chance(0.5)) top.push(add('caption', caption), add('caption credit', credit));
  else top.push(add(caption ? 'caption' : 'caption credit', caption ? `${caption} ${credit}` : credit));

  // Between the paragraphs: up to two "Read more" lines, an advertisement marker and
  // (sometimes) a related-links list, at places where a paragraph or sentence ends.
  const middle = [];
  const headlines = shuffle(T.headlines);
  middle.push([['read more', pick(T.readMoreLabels) + headlines[0]]]);
  middle.push([['advertisement', pick(T.ads)]]);
  if (chance(0.6)) middle.push([['read more', pick(T.readMoreLabels) + headlines[1]]]);
  if (chance(0.5)) middle.push([['related links', pick(T.relatedHeadings)], ...headlines.slice(2, 5).map((h) => ['related links', h])]);
  const insert = (m) => middle[m].map(([kind, line]) => add(kind, line));

  const lines = text.split('\n');
  const body = [];
  if (lines.length > 1) {
    // Boundaries after line i (0-based) where line i ends a sentence and line i+1 starts one.
    const cuts = [];
    for (let i = 0; i + 1 < lines.length; ++i) {
      if (ENDS_SENTENCE.test(lines[i]) && STARTS_SENTENCE.test(lines[i + 1])) cuts.push(i);
    }
    const at = spread(cuts, middle.length);
    for (let i = 0; i < lines.length; ++i) {
      body.push(lines[i]);
      const m = at.indexOf(i);
      if (m >= 0) body.push(...insert(m));
    }
  } else {
    // One paragraph: cut it between two sentences, where a lower-case word of three or
    // more letters (not an abbreviation such as "Mr." or "U.S.") ends with ". ", "? "
    // or "! " and a capitalized word follows.
    const cuts = [];
    const re = /(?<=[\s(]\p{Ll}{3,})[.!?]["'”’»)]*( +)(?=["“‘«(]*\p{Lu}\p{Ll})/gu;
    for (let m; (m = re.exec(text));) cuts.push(m.index + m[0].length - m[1].length);
    const at = spread(cuts, middle.length);
    let from = 0;
    for (let j = 0; j < at.length; ++j) {
      body.push(text.slice(from, at[j]));
      body.push(...insert(j));
      from = at[j] + 1; // the space after the sentence
    }
    body.push(text.slice(from));
  }

  // Bottom of the page.
  const bottom = [];
  if (chance(0.7)) {
    const tags = shuffle(T.tags).slice(0, int(3, 5));
    bottom.push(add('tag line', tags.join('')));
  }
  bottom.push(add('author name', name));
  if (chance(0.6)) bottom.push(add('author title', role));
  bottom.push(add('author bio', pick(T.bios).map(fill).join(' ')));
  bottom.push(add('share line', pick(T.shares)));
  bottom.push(...pick(T.newsletters).map((l) => add('newsletter', fill(l))));
  bottom.push(add('copyright', fill(pick(T.copyrights))));
  bottom.push(add('cookie notice', pick(T.cookies)));

  // Lines within the boilerplate blocks: one break; around the body: one or two.
  const gap = chance(0.5) ? '\n' : '\n\n';
  return { text: top.join('\n') + gap + body.join('\n') + gap + bottom.join('\n') + '\n', inserted };
}

/** `n` of the sorted positions `cuts`, spread over them (fewer if there are fewer). */
function spread(cuts, n) {
  if (!cuts.length) return [];
  const out = [];
  for (let j = 0; j < n; ++j) {
    const c = cuts[Math.min(cuts.length - 1, Math.floor(((j + 1) * cuts.length) / (n + 1)))];
    if (!out.includes(c)) out.push(c);
  }
  return out;
}
