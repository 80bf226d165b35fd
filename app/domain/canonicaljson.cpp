#include "domain/canonicaljson.h"
