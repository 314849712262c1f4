// Build configuration shared by every hearsay header.
#ifndef HEARSAY_CONFIG_HPP
#define HEARSAY_CONFIG_HPP

// HEARSAY_HEADER_ONLY makes every header include its `-inl.hpp` definitions, marked inline;
// otherwise the definitions are compiled once into the hearsay library (src/hearsay.cpp).
#ifdef HEARSAY_HEADER_ONLY
#define HEARSAY_FUNC inline
#else
#define HEARSAY_FUNC
#endif

#endif  // HEARSAY_CONFIG_HPP
