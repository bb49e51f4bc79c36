/* Times OTS (the Open Text Summarizer, libots) on one file and prints one JSON line,
 * like bench/peers/run-peer.mjs does for the JavaScript peers.
 *
 *   gcc -O2 -o build/bench/ots_driver bench/peers/ots_driver.c $(pkg-config --cflags --libs libots-1)
 *   build/bench/ots_driver FILE SENTENCES [MIN_RUNS MIN_TIME_S MAX_TIME_S BUDGET_S]
 *
 * One call is what the `ots` command line does for one article, minus file reading and
 * output: ots_new_article, ots_load_xml_dictionary("en"), ots_parse_stream,
 * ots_grade_doc, ots_highlight_doc_lines(N), ots_free_article. Only parse + grade +
 * highlight are timed (the dictionary load is reported as load_ms, like a peer's module
 * load). Protocol: one warm-up call, then timed calls until MIN_RUNS calls and MIN_TIME_S
 * of timed work, or MAX_TIME_S; median. No call is started that would likely end after
 * BUDGET_S; when the warm-up alone takes more than half of it, it is the only run.
 * max_rss_kb is getrusage(RUSAGE_SELF).ru_maxrss. Built by bench/run.mjs at bench time;
 * not part of Précis. */
#include <stdio.h> /* before libots.h, which uses FILE without including it */
#include <ots/libots.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void json_string(const unsigned char *s, size_t n) {
  putchar('"');
  int space = 0;
  for (size_t i = 0; i < n && i < 160; i++) {
    unsigned char c = s[i];
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      if (!space) putchar(' ');
      space = 1;
      continue;
    }
    space = 0;
    if (c == '"' || c == '\\') printf("\\%c", c);
    else if (c < 0x20) printf("\\u%04x", c);
    else putchar(c);
  }
  putchar('"');
}

/* One summary; returns the seconds spent in parse + grade + highlight. Keeps the article
 * when keep is non-null (to print the summary), frees it otherwise. */
static double call(const unsigned char *text, size_t len, int lines, double *load, OtsArticle **keep) {
  double t0 = now();
  OtsArticle *art = ots_new_article();
  if (!ots_load_xml_dictionary(art, (const unsigned char *)"en")) {
    fprintf(stderr, "ots_driver: cannot load the \"en\" dictionary\n");
    exit(1);
  }
  double t1 = now();
  ots_parse_stream(text, len, art);
  ots_grade_doc(art);
  ots_highlight_doc_lines(art, lines);
  double t2 = now();
  if (load) *load = t1 - t0;
  if (keep) *keep = art;
  else ots_free_article(art);
  return t2 - t1;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: ots_driver FILE SENTENCES [MIN_RUNS MIN_TIME_S MAX_TIME_S BUDGET_S]\n");
    return 2;
  }
  double start = now();
  const char *path = argv[1];
  int lines = atoi(argv[2]);
  int min_runs = argc > 3 ? atoi(argv[3]) : 5;
  double min_time = argc > 4 ? atof(argv[4]) : 1.0;
  double max_time = argc > 5 ? atof(argv[5]) : 10.0;
  double budget = argc > 6 ? atof(argv[6]) : 55.0;

  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    return 1;
  }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *text = malloc(size + 1);
  if (fread(text, 1, size, f) != (size_t)size) {
    perror(path);
    return 1;
  }
  text[size] = 0;
  fclose(f);

  double load = 0;
  OtsArticle *first = NULL;
  double warm = call(text, size, lines, &load, &first);

  int cap = 100000, runs = 0, cold = 0;
  double *times = malloc(sizeof(double) * cap);
  double total = 0;
  if (warm > budget - (now() - start) || warm > budget / 2) {
    times[runs++] = warm;
    cold = 1;
  } else {
    while (runs == 0 || ((runs < min_runs || total < min_time) && total < max_time && runs < cap)) {
      double last = runs ? times[runs - 1] : warm;
      if (runs && (now() - start) + last * 1.5 > budget) break;
      double s = call(text, size, lines, NULL, NULL);
      times[runs++] = s;
      total += s;
    }
  }
  qsort(times, runs, sizeof(double), cmp);
  double median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;

  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("{\"peer\":\"ots\",\"version\":\"libots 0.5.0\",\"file\":");
  json_string((const unsigned char *)path, strlen(path));
  printf(",\"bytes\":%ld,\"sentences\":%d,\"runs\":%d,\"median_ms\":%.6f,\"min_ms\":%.6f,\"cold\":%s,"
         "\"load_ms\":%.3f,\"max_rss_kb\":%ld,\"summary\":[",
         size, lines, runs, median * 1e3, times[0] * 1e3, cold ? "true" : "false", load * 1e3, ru.ru_maxrss);
  int printed = 0;
  for (GList *l = first->lines; l && printed < 3; l = l->next) {
    OtsSentence *s = l->data;
    if (!ots_is_line_selected(s)) continue;
    size_t n = 0;
    unsigned char *line = ots_get_line_text(s, TRUE, &n);
    if (!line) continue;
    if (printed++) putchar(',');
    json_string(line, n);
    g_free(line);
  }
  printf("]}\n");
  ots_free_article(first);
  free(times);
  free(text);
  return 0;
}
