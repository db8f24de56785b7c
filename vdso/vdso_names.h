/*
 * The vDSO's names: its SONAME and the version node every export is in.
 * One definition for the version script (vdso/vdso.map.in), the link
 * (mk/vdso.mk reads VDSO_SONAME), the checker (vdso/check) and the crt's
 * binding (crt/vdso_bind.c).
 */
#ifndef VDSO_NAMES_H
#define VDSO_NAMES_H

#define VDSO_SONAME "rainbow-vdso.so.1"
#define VDSO_VERSION_NODE RAINBOW_1

/* VDSO_VERSION_NODE as a string. */
#define VDSO_VERSION_STRING VDSO_STRING(VDSO_VERSION_NODE)
#define VDSO_STRING(token) VDSO_STRING_(token)
#define VDSO_STRING_(token) #token

#endif
