#include "domain/consenttemplate.h"
