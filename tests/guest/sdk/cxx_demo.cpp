/*
 * C++ the language, without its library (docs/sdk.md): classes, templates
 * and the C library, built by the CMake project with x86_64-rainbow-g++.
 */
#include <stdio.h>

template <typename T> struct Pair {
	T a, b;
	T sum() const { return a + b; }
};

int main()
{
	Pair<int> p{ 40, 2 };

	printf("c++: Pair<int>::sum() = %d\n", p.sum());
	return 0;
}
