// Analyse one sentence (the first argument, or a built-in one) and print its SPEC section 4 JSON.
#include <hearsay/hearsay.hpp>

#include <exception>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  try {
    const std::string text =
        argc > 1 ? argv[1]
                 : "Japanese public broadcaster NHK, citing diplomatic sources, said the Russian "
                   "leader is planning a trip to Vietnam.";
    const hearsay::analyzer an;
    const hearsay::document doc = an.analyze(text, "consumer");
    std::cout << hearsay::to_json(doc) << '\n';
    std::cerr << "hearsay " << hearsay::version() << ": " << doc.sentences.size()
              << " sentence(s), " << doc.claims.size() << " claim(s)\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "consumer: " << e.what() << '\n';
    return 1;
  }
}
