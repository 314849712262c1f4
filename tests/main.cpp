// The Boost.Test runner for every C++ suite (tests/test_<header>.cpp).
#define BOOST_TEST_MODULE hearsay
#include <boost/test/unit_test.hpp>
