/* The working directory (cwd.c).  Not installed. */
#ifndef RAINBOW_CWD_H
#define RAINBOW_CWD_H

/*
 * The working directory, then "/", then path, into out (RB_FS_PATH_MAX
 * bytes): 0 or -ENAMETOOLONG.
 */
long __rb_cwd_join(const char *path, char *out);

/*
 * Sets the working directory to abs (absolute) made canonical, without
 * asking the server (a spawner's, fd_inherit.c): 0, or -EINVAL for a
 * relative path, -ENAMETOOLONG.
 */
long __rb_cwd_set(const char *abs);

#endif
