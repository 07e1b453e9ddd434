/* fs-test-util.h: small file systems for tests of full disks and read-only folders
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/mount.h>
#include <sys/syscall.h>
/* unshare() and CLONE_NEWNS are declared only under _GNU_SOURCE, which
 * must come before config.h and every other header; the system call is
 * the same. */
#ifndef CLONE_NEWNS
#define CLONE_NEWNS 0x00020000
#endif
#endif

/* Tests mount a tmpfs of a few KiB to fill a disk, or remount it read-only
 * (root ignores file permissions, not a read-only mount). The mounts live in
 * a mount namespace of the test process's own, so they vanish with it even
 * when a test crashes, and nothing outside ever sees them. Where that is not
 * allowed (not root, a container without CAP_SYS_ADMIN), the tests that need
 * a mount skip, saying why. */
static gboolean fs_test_have_namespace;

/* Call first thing in main(), before any thread starts: a namespace entered
 * later would be the calling thread's alone. */
static inline void
fs_test_init (void)
{
#ifdef __linux__
  if (geteuid () == 0 &&
      syscall (SYS_unshare, CLONE_NEWNS) == 0 &&
      mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0)
    fs_test_have_namespace = TRUE;
#endif
}

/* Mounts a tmpfs of @kib KiB on @dir, or marks the test skipped. */
static inline gboolean
fs_test_mount_tmpfs (const char *dir,
                     guint       kib)
{
#ifdef __linux__
  g_autofree char *options = g_strdup_printf ("size=%uk,mode=0755", kib);

  if (!fs_test_have_namespace)
    {
      g_test_skip ("Mounting a small file system needs root and a private mount namespace");
      return FALSE;
    }
  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    {
      g_autofree char *message = g_strdup_printf ("Could not mount a tmpfs: %s",
                                                  g_strerror (errno));

      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
#else
  g_test_skip ("Mounting a small file system needs Linux");
  return FALSE;
#endif
}

static inline gboolean
fs_test_remount_read_only (const char *dir)
{
#ifdef __linux__
  return mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL) == 0;
#else
  return FALSE;
#endif
}

static inline void
fs_test_unmount (const char *dir)
{
#ifdef __linux__
  umount2 (dir, MNT_DETACH);
#endif
}

/* Fills the file system holding @dir to the last block. */
static inline void
fs_test_fill (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);
  static const char block[4096];
  FILE *fp = g_fopen (path, "wb");

  g_assert_nonnull (fp);
  setvbuf (fp, NULL, _IONBF, 0);
  while (fwrite (block, 1, sizeof block, fp) == sizeof block)
    ;
  while (fwrite (block, 1, 1, fp) == 1)
    ;
  fclose (fp);
}

static inline guint
fs_test_count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;

  return n;
}
