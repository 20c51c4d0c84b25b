#ifndef NEWSD_CRASH_GUARD_H
#define NEWSD_CRASH_GUARD_H

/* Records which inputs were being extracted when the process crashed.
 *
 * Workers mark a slot with the content id they are extracting. If the process dies of a fatal
 * signal (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT: a Swift trap or a real crash), the
 * handler appends "c <id>\n" for every marked slot to the attempt journal, then lets the signal
 * kill the process. A SIGKILL from outside writes nothing, so an operator's kill -9 is never
 * mistaken for a poison file. Everything the handler touches is preallocated and async-signal-safe.
 */

#define CRASH_GUARD_SLOTS 256
#define CRASH_GUARD_ID_LENGTH 64

/* Installs the handlers (on an alternate stack, so stack overflows are caught too); `journal_fd`
 * is the open, append-mode attempt journal. Returns 0 on success. */
int crash_guard_install(int journal_fd);

/* Marks `slot` as extracting the content id `hex` (64 characters). */
void crash_guard_mark(int slot, const char *hex);

/* Clears `slot`. */
void crash_guard_clear(int slot);

#endif
