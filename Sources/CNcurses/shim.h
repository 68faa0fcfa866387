// Wide-character curses for Swift. NCURSES_WIDECHAR must come before the include,
// or cchar_t, wadd_wch and get_wch are not declared.
#ifndef DESKTERM_CNCURSES_SHIM_H
#define DESKTERM_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros Swift cannot import, as constants and functions.
static const attr_t deskterm_A_NORMAL = A_NORMAL;
static const attr_t deskterm_A_BOLD = A_BOLD;
static const attr_t deskterm_A_REVERSE = A_REVERSE;
static const attr_t deskterm_A_DIM = A_DIM;
static const attr_t deskterm_A_UNDERLINE = A_UNDERLINE;
static const int deskterm_ERR = ERR;
static const int deskterm_OK = OK;

static inline int deskterm_key_f(int n) { return KEY_F(n); }
static inline int deskterm_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int deskterm_lines(WINDOW *w) { return getmaxy(w); }
static inline int deskterm_cols(WINDOW *w) { return getmaxx(w); }
static inline mmask_t deskterm_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t deskterm_button1_pressed(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }
static inline mmask_t deskterm_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t deskterm_button5_pressed(void) { return BUTTON5_PRESSED; }

// The width ncurses gives a character: the C library's wcwidth (not visible to Swift
// through Glibc, which leaves _XOPEN_SOURCE off).
extern int wcwidth(wchar_t c);
static inline int deskterm_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

#endif
