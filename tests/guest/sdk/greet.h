#ifndef GREET_H
#define GREET_H
double greet_hypot(double a, double b);
#endif
