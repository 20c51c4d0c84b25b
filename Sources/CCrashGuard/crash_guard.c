#include "crash_guard.h"

#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int journal = -1;
static char ids[CRASH_GUARD_SLOTS][CRASH_GUARD_ID_LENGTH];
static atomic_int marked[CRASH_GUARD_SLOTS];

static void on_fatal_signal(int sig) {
    if (journal >= 0) {
        for (int i = 0; i < CRASH_GUARD_SLOTS; i++) {
            if (atomic_load(&marked[i])) {
                char line[CRASH_GUARD_ID_LENGTH + 3];
                line[0] = 'c';
                line[1] = ' ';
                memcpy(line + 2, ids[i], CRASH_GUARD_ID_LENGTH);
                line[CRASH_GUARD_ID_LENGTH + 2] = '\n';
                (void)write(journal, line, sizeof line);
            }
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

int crash_guard_install(int journal_fd) {
    journal = journal_fd;
    static char stack[1 << 16];
    stack_t ss;
    ss.ss_sp = stack;
    ss.ss_size = sizeof stack;
    ss.ss_flags = 0;
    if (sigaltstack(&ss, NULL) != 0) return -1;
    int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal_signal;
        sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
        sigemptyset(&sa.sa_mask);
        if (sigaction(sigs[i], &sa, NULL) != 0) return -1;
    }
    return 0;
}

void crash_guard_mark(int slot, const char *hex) {
    if (slot < 0 || slot >= CRASH_GUARD_SLOTS) return;
    memcpy(ids[slot], hex, CRASH_GUARD_ID_LENGTH);
    atomic_store(&marked[slot], 1);
}

void crash_guard_clear(int slot) {
    if (slot < 0 || slot >= CRASH_GUARD_SLOTS) return;
    atomic_store(&marked[slot], 0);
}
