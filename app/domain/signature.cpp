#include "domain/signature.h"
