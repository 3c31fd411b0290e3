/* Template loading (once, at start-up) and rendering (render() in req.h). */
#ifndef PORTAL_RENDER_H
#define PORTAL_RENDER_H

#include "perr.h"

int  render_init(const char *templates_dir, struct perr *e);
void render_free(void);

#endif
