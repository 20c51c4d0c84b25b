#ifndef NEWSD_CINOTIFYTOOLS_SHIM_H
#define NEWSD_CINOTIFYTOOLS_SHIM_H
#include <sys/inotify.h>
#include <inotifytools/inotifytools.h>
#endif
