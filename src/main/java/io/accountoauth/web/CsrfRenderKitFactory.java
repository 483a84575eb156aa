package io.accountoauth.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitFactory;
import jakarta.faces.render.RenderKitWrapper;
import jakarta.faces.render.Renderer;
import jakarta.faces.render.RendererWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Gives every {@code h:form} the session's form token as a hidden field, so that no view can forget it.
 * Registered in faces-config.xml.
 */
public class CsrfRenderKitFactory extends RenderKitFactory {

    private static final String FORM = "jakarta.faces.Form";

    public CsrfRenderKitFactory(RenderKitFactory wrapped) {
        super(wrapped);
    }

    @Override
    public void addRenderKit(String renderKitId, RenderKit renderKit) {
        getWrapped().addRenderKit(renderKitId, renderKit);
    }

    @Override
    public RenderKit getRenderKit(FacesContext context, String renderKitId) {
        RenderKit kit = getWrapped().getRenderKit(context, renderKitId);
        return kit == null ? null : new RenderKitWrapper(kit) {
            @Override
            public Renderer getRenderer(String family, String rendererType) {
                Renderer renderer = super.getRenderer(family, rendererType);
                return FORM.equals(family) && FORM.equals(rendererType) && renderer != null
                        ? new TokenFormRenderer(renderer) : renderer;
            }
        };
    }

    @Override
    public java.util.Iterator<String> getRenderKitIds() {
        return getWrapped().getRenderKitIds();
    }

    /** Writes the token just before the form closes. */
    static final class TokenFormRenderer extends RendererWrapper {

        TokenFormRenderer(Renderer wrapped) {
            super(wrapped);
        }

        @Override
        public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
            HttpSession session = (HttpSession) context.getExternalContext().getSession(true);
            ResponseWriter writer = context.getResponseWriter();
            writer.startElement("input", component);
            writer.writeAttribute("type", "hidden", null);
            writer.writeAttribute("name", CsrfTokens.FIELD, null);
            writer.writeAttribute("value", CsrfTokens.of(session), null);
            writer.endElement("input");
            super.encodeEnd(context, component);
        }
    }
}
